/** `/luma/generations/:id` (or `{id}`) → a regex matching exactly that shape of path. */
export function routePattern(route: string): RegExp {
  const source = route
    .split('/')
    .map((part) =>
      part.startsWith(':') || /^\{.+\}$/.test(part)
        ? '[^/]+'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source.replace(/\/$/, '')}/?$`);
}
