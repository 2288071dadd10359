/**
 * The content JSON of a built package from the URL of its index.html: the data block when the page
 * carries it inline (the preview), else what the course-data-*.js files that launch.js names put
 * there (the packages: src/shared/course-data.ts). They are run in a blank frame rather than read as
 * text: the test server passes .js files through esbuild, which rewrites their text but not what they do.
 */
export async function courseJsonOf(indexUrl: string | URL): Promise<string> {
  const url = new URL(indexUrl, location.href);
  const page = await (await fetch(url)).text();
  const inline = new DOMParser().parseFromString(page, 'text/html').getElementById('course-content')?.textContent;
  if (inline) return inline;
  const iframe = document.createElement('iframe');
  iframe.hidden = true;
  document.body.append(iframe);
  try {
    const doc = iframe.contentDocument!;
    const block = doc.createElement('script');
    block.type = 'application/json';
    block.id = 'course-content';
    doc.body.append(block);
    const loader = await (await fetch(new URL('launch.js', url))).text();
    const parts = [...new Set(loader.match(/course-data-\d+\.js/g) ?? [])];
    for (const part of parts) {
      await new Promise((resolve, reject) => {
        const script = doc.createElement('script');
        script.src = new URL(part, url).href;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`${script.src} did not load`));
        doc.head.append(script);
      });
    }
    if (!block.textContent) throw new Error(`the course-data files (${parts.join(', ')}) did not fill the data block`);
    return block.textContent;
  } finally {
    iframe.remove();
  }
}
