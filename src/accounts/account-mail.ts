import type { OutgoingMail } from '../shared/mail-queue.js';

/*
 * The messages accounts send, in plain text. Links are absolute, from SITE_URL; each says
 * how long it works and what to do if the reader did not ask for it.
 */

function link(siteUrl: URL, path: string, token: string): string {
  return `${siteUrl.href.replace(/\/$/, '')}${path}?token=${token}`;
}

export function invitationMail(siteUrl: URL, input: { to: string; inviterName: string; role: string; token: string }): OutgoingMail {
  return {
    to: input.to,
    subject: `${input.inviterName} invited you to the newsroom`,
    text: [
      'Hello,',
      '',
      `${input.inviterName} has invited you to join the newsroom at ${siteUrl.host} as ${article(input.role)} ${input.role}.`,
      '',
      'To accept, choose your name and a password here:',
      link(siteUrl, '/admin/accept-invite', input.token),
      '',
      'The link works once and for 7 days. If you were not expecting this invitation, you can ignore this message.',
      '',
    ].join('\n'),
  };
}

export function passwordResetMail(siteUrl: URL, input: { to: string; token: string }): OutgoingMail {
  return {
    to: input.to,
    subject: 'Reset your password',
    text: [
      'Hello,',
      '',
      `Someone (we hope you) asked to reset the password of your account at ${siteUrl.host}.`,
      '',
      'To choose a new password, open this link:',
      link(siteUrl, '/admin/reset', input.token),
      '',
      'The link works once and for 1 hour. Setting a new password signs you out everywhere.',
      'If you did not ask for this, ignore this message: your password stays as it is.',
      '',
    ].join('\n'),
  };
}

export function emailChangedMail(siteUrl: URL, input: { to: string; newEmail: string }): OutgoingMail {
  return {
    to: input.to,
    subject: 'Your sign-in email was changed',
    text: [
      'Hello,',
      '',
      `The email address you sign in with at ${siteUrl.host} was changed to ${input.newEmail}.`,
      '',
      'If you did not do this, ask an administrator of the site to look into it at once.',
      '',
    ].join('\n'),
  };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
