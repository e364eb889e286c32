/**
 * The links a campaign's message is sent through from the user's own programs: the mail program
 * (`mailto:` with subject and body), the phone (`tel:`), SMS (`sms:` with the body), WhatsApp
 * (`https://wa.me/<digits>?text=`) and Telegram (`https://t.me/+<digits>`, the chat with that
 * number; Telegram takes no text for it, so the message is copied first). The desktop app lets
 * exactly these out of its window (electron/desktop/lock-down.ts).
 */
import { phoneKey } from './phones';

export interface MessageLinks {
  email?: string;
  call?: string;
  sms?: string;
  whatsapp?: string;
  telegram?: string;
}

export function messageLinks(input: {
  phone: string | null;
  email: string | null;
  text: string | null;
  subject: string;
}): MessageLinks {
  const links: MessageLinks = {};
  const text = input.text ?? '';
  const email = input.email?.trim();
  if (email) {
    const query = [`subject=${encodeURIComponent(input.subject)}`];
    if (text) query.push(`body=${encodeURIComponent(text)}`);
    links.email = `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}?${query.join('&')}`;
  }
  const digits = phoneKey(input.phone);
  if (digits) {
    links.call = `tel:+${digits}`;
    links.sms = text ? `sms:+${digits}?body=${encodeURIComponent(text)}` : `sms:+${digits}`;
    links.whatsapp = text
      ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}`
      : `https://wa.me/${digits}`;
    links.telegram = `https://t.me/+${digits}`;
  }
  return links;
}
