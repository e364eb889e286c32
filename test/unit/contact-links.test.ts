/** The links a campaign's message is sent through, written out by hand. */
import { describe, expect, it } from 'vitest';
import { messageLinks } from '../../kernel/contact-links';
import { externalLink } from '../../electron/desktop/lock-down';

describe('messageLinks', () => {
  it('makes every link a phone and an e-mail allow, the text encoded', () => {
    const links = messageLinks({
      phone: '8 (912) 345-67-89',
      email: ' anna@example.ru ',
      text: 'Анна, 10 % & всё!',
      subject: 'Весна',
    });
    const body = '%D0%90%D0%BD%D0%BD%D0%B0%2C%2010%20%25%20%26%20%D0%B2%D1%81%D1%91!';
    expect(links).toEqual({
      email: `mailto:anna@example.ru?subject=%D0%92%D0%B5%D1%81%D0%BD%D0%B0&body=${body}`,
      call: 'tel:+79123456789',
      sms: `sms:+79123456789?body=${body}`,
      whatsapp: `https://wa.me/79123456789?text=${body}`,
      telegram: 'https://t.me/+79123456789',
    });
    // Each of them is let out of the desktop app's window, as it is.
    const all = [links.email, links.call, links.sms, links.whatsapp, links.telegram];
    for (const link of all) expect(externalLink(link ?? '')).toBe(link);
  });

  it('makes none without a contact, and no body without a text', () => {
    expect(messageLinks({ phone: null, email: '', text: 'x', subject: 's' })).toEqual({});
    expect(
      messageLinks({ phone: '+1 202 555 0100', email: null, text: null, subject: 's' }),
    ).toEqual({
      call: 'tel:+12025550100',
      sms: 'sms:+12025550100',
      whatsapp: 'https://wa.me/12025550100',
      telegram: 'https://t.me/+12025550100',
    });
  });
});
