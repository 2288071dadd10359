import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './course-notice';
import type { CourseNotice } from './course-notice';

describe('course-notice', () => {
  it('renders info as a polite status with kind in text', async () => {
    const el = await fixture<CourseNotice>(
      html`<course-notice .notice=${{ kind: 'info' as const, text: 'Opgeslagen' }}></course-notice>`,
    );
    const box = el.shadowRoot!.querySelector('[part="notice"]')!;
    expect(box.getAttribute('role')).to.equal('status');
    expect(box.textContent).to.contain('Opgeslagen');
    expect(box.textContent).to.contain('Informatie');
    await expect(el).to.be.accessible();
  });

  it('uses role=alert for warnings and errors', async () => {
    for (const kind of ['warning', 'error'] as const) {
      const el = await fixture<CourseNotice>(html`<course-notice .notice=${{ kind, text: 'Let op' }}></course-notice>`);
      expect(el.shadowRoot!.querySelector('[part="notice"]')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
    }
  });

  it('renders nothing without a notice', async () => {
    const el = await fixture<CourseNotice>(html`<course-notice></course-notice>`);
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
  });

  it('dispatches course-notice-dismiss on click', async () => {
    const el = await fixture<CourseNotice>(
      html`<course-notice .notice=${{ kind: 'error' as const, text: 'Mis' }}></course-notice>`,
    );
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Melding sluiten');
    setTimeout(() => button.click());
    const ev = await oneEvent(el, 'course-notice-dismiss');
    expect(ev.bubbles).to.equal(true);
    expect(ev.composed).to.equal(true);
  });

  it('can be dismissed with the keyboard (Tab + Enter, Tab + Space)', async () => {
    const notice = await fixture<CourseNotice>(
      html`<course-notice .notice=${{ kind: 'warning' as const, text: 'Let op' }}></course-notice>`,
    );
    const before = document.createElement('button');
    before.textContent = 'voor';
    notice.before(before);
    let count = 0;
    notice.addEventListener('course-notice-dismiss', () => count++);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(notice.shadowRoot!.activeElement).to.equal(notice.shadowRoot!.querySelector('button'));
    await sendKeys({ press: 'Enter' });
    expect(count).to.equal(1);
    await sendKeys({ press: 'Space' });
    expect(count).to.equal(2);
  });
});
