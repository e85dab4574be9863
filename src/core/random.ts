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

  /** `length` random bytes, base64 encoded (as Luma's palette grids are). */
  base64(length: number): string {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = this.int(0, 255);
    return btoa(String.fromCharCode(...bytes));
  }
}
