export interface RedirectsTable {
  from_path: string;
  to_path: string;
  code: number; // 301 | 410
  created_at: string;
}
