export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: string; // OutboxStatus
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
  /** a one-click unsubscribe address (https), sent as List-Unsubscribe; null for most messages */
  list_unsubscribe_url: string | null;
}
