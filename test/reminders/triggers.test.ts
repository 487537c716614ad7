/**
 * Reminders ▸ Turn on / Turn off / status, against the runtime's ScriptApp: one daily trigger however often it is
 * turned on, owned by the account that turned it on, visible to that account only; the menu says which is on and
 * whose; the trigger's run has no user at the keyboard.
 */
import { MAIL_QUOTA_MESSAGE, NO_UI_MESSAGE, TOO_MANY_CLOCK_TRIGGERS } from '../../runtime';
import { ANN, LA, MIA, scheduledWorkbook, turnOn } from './support';

describe('turning reminders on and off', () => {
  it('turning on twice leaves one daily trigger, at the last hour asked, owned by whoever turned it on', () => {
    const rt = scheduledWorkbook();
    turnOn(rt, MIA, '7');
    turnOn(rt, MIA, '18');
    const triggers = rt.triggers.list();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({
      handler: 'sendReminderDigests',
      owner: MIA,
      everyDays: 1,
      atHour: 18,
      timeZone: LA,
    });
    expect(rt.ui.alerts.at(-1)?.message).toBe(
      `Reminders are on: every day at about 18:00 (${LA}), sent from ${MIA}, who owns the trigger.`,
    );
    rt.as(MIA).call('onOpen', { authMode: 'LIMITED' });
    expect(rt.ui.menuItems().map((i) => i.path)).toContain(
      `Scorecard ▸ Reminders ▸ Status: on, daily at 18:00, owner ${MIA}`,
    );
  });

  it('an hour that is not one is refused with a specific message, and nothing is installed', () => {
    const rt = scheduledWorkbook();
    turnOn(rt, MIA, '25');
    expect(rt.triggers.list()).toHaveLength(0);
    expect(rt.ui.alerts.at(-1)?.message).toContain('"25" is not an hour of the day');
  });

  it('another account cannot turn on a second trigger or turn off the owner’s; the owner can', () => {
    const rt = scheduledWorkbook();
    turnOn(rt, MIA);
    turnOn(rt, ANN);
    expect(rt.triggers.list().map((t) => t.owner)).toEqual([MIA]);
    expect(rt.ui.alerts.at(-1)?.message).toContain(
      `sent from ${MIA}, who owns the trigger. Only that account can change`,
    );
    rt.as(ANN).call('turnOffReminders');
    expect(rt.triggers.list()).toHaveLength(1);
    expect(rt.ui.alerts.at(-1)?.message).toContain('only they can turn it off');
    rt.as(MIA).call('turnOffReminders');
    expect(rt.triggers.list()).toHaveLength(0);
    expect(rt.ui.alerts.at(-1)?.message).toBe('Reminders are off: no more digests will be sent.');
    rt.as(MIA).call('onOpen', { authMode: 'LIMITED' });
    expect(rt.ui.menuItems().map((i) => i.path)).toContain('Scorecard ▸ Reminders ▸ Status: off');
  });

  it('an owner whose email Google hides is told the menu cannot name them', () => {
    const rt = scheduledWorkbook({ effectiveUser: 'hidden@example.com' });
    turnOn(rt, '');
    expect(rt.triggers.list()).toHaveLength(1);
    expect(rt.ui.alerts.at(-1)?.message).toContain(
      'sent from an account whose email Google does not show here',
    );
    expect(rt.ui.alerts.at(-1)?.message).toContain('the menu cannot name you as the owner');
  });

  it('a trigger left behind by an earlier owner removes itself instead of sending', () => {
    const rt = scheduledWorkbook();
    turnOn(rt, MIA);
    const [old] = rt.triggers.list();
    // The document forgets it (e.g. properties restored from a copy); the old trigger fires once more.
    rt.properties.document.delete('scorecard.reminders.trigger');
    rt.triggers.fire(old.id);
    expect(rt.mail.sent()).toHaveLength(0);
    expect(rt.triggers.list()).toHaveLength(0);
  });
});

describe('the runtime’s triggers are no kinder than Google', () => {
  it('a trigger’s run fails on any Ui call: nobody is at the keyboard', () => {
    const rt = scheduledWorkbook();
    const id = rt.execute((scope) =>
      scope.ScriptApp.newTrigger('showHelp').timeBased().everyDays(1).atHour(9).create().getUniqueId(),
    ) as string;
    expect(() => rt.triggers.fire(id)).toThrow(NO_UI_MESSAGE.replace('Exception: ', ''));
  });

  it('an add-on gets one time-driven trigger per user and document; each account sees only its own', () => {
    const rt = scheduledWorkbook();
    const create = (email: string) =>
      rt
        .as(email)
        .execute((scope) =>
          scope.ScriptApp.newTrigger('sendReminderDigests').timeBased().everyDays(1).create(),
        );
    create(MIA);
    expect(() => create(MIA)).toThrow(TOO_MANY_CLOCK_TRIGGERS);
    create(ANN);
    expect(rt.as(ANN).execute((scope) => scope.ScriptApp.getProjectTriggers().length)).toBe(1);
    expect(rt.triggers.list()).toHaveLength(2);
  });

  it('MailApp counts recipients against the daily quota and refuses past it, sending nothing', () => {
    const rt = scheduledWorkbook();
    rt.mail.setQuota(2, MIA);
    const send = (to: string) => rt.as(MIA).execute((scope) => scope.MailApp.sendEmail(to, 'Hello', 'Body'));
    send(`${ANN}, ${MIA}`);
    expect(rt.mail.remaining(MIA)).toBe(0);
    expect(() => send(ANN)).toThrow(MAIL_QUOTA_MESSAGE);
    expect(rt.mail.sent()).toHaveLength(1);
    expect(rt.mail.sent()[0]).toMatchObject({ from: MIA, to: [ANN, MIA], subject: 'Hello' });
  });
});
