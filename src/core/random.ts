import { base, Faker } from '@faker-js/faker';

/**
 * The one seeded generator a mock instance owns. Every id, URL piece and jitter comes from
 * here, in call order, so the same seed and the same requests give the same bytes.
 */
export class Random {
  readonly #faker: Faker;

  constructor(seed: number) {
    this.#faker = new Faker({ locale: [base] });
    this.#faker.seed(seed);
  }

  uuid(): string {
    return this.#faker.string.uuid();
  }

  hex(length: number): string {
    return this.#faker.string.hexadecimal({ length, casing: 'lower', prefix: '' });
  }

  int(min: number, max: number): number {
    return this.#faker.number.int({ min, max });
  }

  /** True with probability `p` (0–1), to a ten-thousandth. */
  chance(p: number): boolean {
    return this.int(0, 9_999) < p * 10_000;
  }
}
