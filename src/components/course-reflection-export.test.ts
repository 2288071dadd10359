import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Page } from '../shared/course-types';
import { samplePage } from '../../tests/browser/question-items';
import './course-reflection-export';
import type { CourseReflectionExport } from './course-reflection-export';

const pages: Page[] = [
  samplePage({
    id: 'o1',
    title: 'Opdracht 1',
    prompts: [
      { id: 'o1-v1', html: 'Wat is herstel?', text: 'Wat is herstel?' },
      { id: 'o1-v2', html: 'Wat neem je mee?', text: 'Wat neem je mee?' },
    ],
  }),
  samplePage({
    id: 'o2',
    title: 'Opdracht 2',
    prompts: [{ id: 'o2-v1', html: 'Wie helpt jou?', text: 'Wie helpt jou?' }],
  }),
];
const answers = {
  'o1-v1': 'Stap voor stap\nmet anderen',
  'o1-v2': '<script>alert(1)</script>',
  'o2-v1': '<img src=x onerror="alert(2)">',
};

interface Captured {
  blobs: Blob[];
  anchors: Array<{ href: string; download: string; connected: boolean }>;
  revoked: string[];
  prints: number;
}

/** Replaces the browser side effects (object URLs, link clicks, print) with recorders. */
function stubBrowser(): { captured: Captured; restore: () => void } {
  const captured: Captured = { blobs: [], anchors: [], revoked: [], prints: 0 };
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  const print = window.print;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    captured.blobs.push(obj as Blob);
    return `blob:test/${captured.blobs.length}`;
  };
  URL.revokeObjectURL = (url: string) => void captured.revoked.push(url);
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    captured.anchors.push({ href: this.href, download: this.download, connected: this.isConnected });
  };
  window.print = () => void captured.prints++;
  return {
    captured,
    restore: () => {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
      HTMLAnchorElement.prototype.click = click;
      window.print = print;
    },
  };
}

async function render() {
  return fixture<CourseReflectionExport>(
    html`<course-reflection-export
      .courseTitle=${'Ervaringsdeskundigheid in de zorg'}
      .learnerName=${'Sam de Vries'}
      .pages=${pages}
      .answers=${answers}
    ></course-reflection-export>`,
  );
}

describe('course-reflection-export', () => {
  let stub: ReturnType<typeof stubBrowser>;
  beforeEach(() => (stub = stubBrowser()));
  afterEach(async () => {
    stub.restore();
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 1024, height: 768 });
  });

  it('offers download and print, accessibly', async () => {
    const el = await render();
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).to.deep.equal(['Download mijn antwoorden', 'Afdrukken']);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Je antwoorden bewaren');
    await expect(el).to.be.accessible();
  });

  it('downloads an escaped HTML document with every answer via a blob URL and <a download>', async () => {
    const el = await render();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!.click();
    await el.updateComplete;
    const { blobs, anchors } = stub.captured;
    expect(blobs).to.have.length(1);
    expect(blobs[0]!.type).to.equal('text/html;charset=utf-8');
    expect(anchors).to.deep.equal([
      { href: 'blob:test/1', download: 'mijn-antwoorden-ervaringsdeskundigheid-in-de-zorg.html', connected: true },
    ]);
    // The temporary link is gone again.
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    const doc = await blobs[0]!.text();
    expect(doc).to.contain('Sam de Vries');
    expect(doc).to.contain('Opdracht 1');
    expect(doc).to.contain('Opdracht 2');
    expect(doc).to.contain('Stap voor stap<br>\nmet anderen');
    expect(doc).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).to.contain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    // Parsed, the learner text yields no elements at all.
    const parsed = new DOMParser().parseFromString(doc, 'text/html');
    expect(parsed.body.querySelectorAll('script, img')).to.have.length(0);
    expect(parsed.body.textContent).to.contain('<script>alert(1)</script>');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
      'Je antwoorden zijn gedownload als mijn-antwoorden-ervaringsdeskundigheid-in-de-zorg.html.',
    );
  });

  it('prints with window.print, by keyboard', async () => {
    const el = await render();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="print"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(stub.captured.prints).to.equal(1);
    await sendKeys({ press: 'Space' });
    expect(stub.captured.prints).to.equal(2);
    expect(stub.captured.blobs).to.have.length(0);
  });

  it('reports a failed download instead of failing silently', async () => {
    URL.createObjectURL = () => {
      throw new Error('blocked');
    };
    const el = await render();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Downloaden lukte niet');
  });

  it('is not printed itself and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await render();
    expect(el.scrollWidth).to.be.at.most(320);
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(el).display).to.equal('none');
  });
});
