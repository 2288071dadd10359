import { describe, expect, it } from 'vitest';
import { minifyTemplates } from '../../../scripts/minify-templates';

describe('minifyTemplates', () => {
  it('collapses indentation in html templates but keeps expressions and single spaces', () => {
    const source =
      'const t = html`\n  <p>\n    Hallo ${name}\n    <b>${x ? html`\n      <i>ja</i>\n    ` : nothing}</b>\n  </p>\n`;';
    expect(minifyTemplates(source)).toBe(
      'const t = html` <p> Hallo ${name} <b>${x ? html` <i>ja</i> ` : nothing}</b> </p> `;',
    );
  });

  it('drops css comments and insignificant whitespace without joining selectors', () => {
    const source =
      'static styles = css`\n  /* why */\n  :host ::slotted(p) ,\n  a > b {\n    color: red;\n    margin: 0 auto;\n  }\n`;';
    expect(minifyTemplates(source)).toBe('static styles = css` :host ::slotted(p),a>b{color:red;margin:0 auto}`;');
  });

  it('leaves other template literals and escaped backticks alone', () => {
    const source = 'const a = `\n  keep  me\n`; const b = html`<p>\\`x\\`\n  </p>`;';
    expect(minifyTemplates(source)).toBe('const a = `\n  keep  me\n`; const b = html`<p>\\`x\\` </p>`;');
  });
});
