/**
 * The background: wiring only. Every listener is added synchronously at start so that an event
 * that wakes a stopped worker is delivered; the concerns live in extension/background/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../../background/messages.ts';
import { onNotificationClicked } from '../../background/notifications.ts';
import { REFRESH_ALARM, refreshDue } from '../../background/refresh.ts';
import { syncRegistration } from '../../background/registration.ts';
import { setUp, setUpIfLost } from '../../background/setup.ts';
import { welcome } from '../../background/welcome.ts';

function report(error: unknown): void {
  console.error('open-commitments background:', error);
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // The feeds page, opened on a first install, lists the bundled feeds once they are set up.
    void setUp(Date.now())
      .catch(report)
      .then(() => welcome(reason))
      .catch(report);
  });
  browser.runtime.onStartup.addListener(() => void setUp(Date.now()).catch(report));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshDue(Date.now()).catch(report);
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(message, sender).then(sendResponse);
    return true;
  });
  browser.permissions.onAdded.addListener(() => void syncRegistration().catch(report));
  browser.permissions.onRemoved.addListener(() => void syncRegistration().catch(report));
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id).catch(report));
  void setUpIfLost(Date.now()).catch(report);
});
