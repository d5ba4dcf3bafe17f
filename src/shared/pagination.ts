export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export interface PageRequest {
  page: number;
  perPage: number;
}

export function offsetOf({ page, perPage }: PageRequest): number {
  return (page - 1) * perPage;
}

export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
