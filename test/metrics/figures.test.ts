/**
 * Figures and metrics from hostile notebooks: SVGs that would run script in a
 * reader's browser are not published; metrics nested too deep are refused.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { figuresFromNotebook, flatten, MAX_METRICS_DEPTH, metricsFromNotebook, unsafeSvg } from '../../src/metrics/collect.js';
import { Logger } from '../../src/log.js';
import type { Notebook } from '../../src/notebook/inject.js';
import { Capture } from '../helpers/capture.js';

/** What matplotlib writes for a line plot with an image (trimmed), title in a comment. */
const PLOT = `<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="460.8pt" height="345.6pt" viewBox="0 0 460.8 345.6" xmlns="http://www.w3.org/2000/svg" version="1.1">
 <metadata><rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><cc:Work><dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></cc:Work></rdf:RDF></metadata>
 <defs><style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style></defs>
 <g id="figure_1"><g clip-path="url(#p8f374172b1)"><image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/></g>
 <!-- Training data: one=2 -->
 <use xlink:href="#DejaVuSans-54" transform="scale(0.12)"/></g>
</svg>`;

const HOSTILE: Record<string, string> = {
  script: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
  prefixed: '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>',
  onload: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
  quoted: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0 > 1" onclick=\'alert(1)\'/></svg>',
  href: '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="&#106;avascript:alert(1)"><rect/></a></svg>',
  tab: '<svg xmlns="http://www.w3.org/2000/svg"><a href="java&#x09;script:alert(1)"><rect/></a></svg>',
  foreign: '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject></svg>',
  hiddenByComment: '<svg xmlns="http://www.w3.org/2000/svg"><style><![CDATA[<!--]]></style><script>alert(1)</script><!-- --></svg>',
  outside: '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>',
  css: '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>',
  entity: '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
};

test('an SVG with a script, an event handler, a script URL or a foreignObject is not published; a matplotlib plot is', () => {
  assert.is(unsafeSvg(PLOT), undefined);
  for (const [name, svg] of Object.entries(HOSTILE)) assert.type(unsafeSvg(svg), 'string', name);

  const notebook: Notebook = {
    nbformat: 4, nbformat_minor: 5, metadata: {},
    cells: [{
      cell_type: 'code', source: 'plots()', metadata: { tags: ['report'] }, execution_count: 1,
      outputs: [PLOT, ...Object.values(HOSTILE)].map((svg) => ({ output_type: 'display_data', metadata: {}, data: { 'image/svg+xml': svg.split(/(?<=\n)/) } })),
    }],
  } as unknown as Notebook;
  const stream = new Capture();
  const figures = figuresFromNotebook(notebook, 'report', new Logger({ stream }));
  assert.equal(figures.map((f) => f.path), ['report/1-cell1.svg']);
  assert.is(figures[0].content.toString(), PLOT);
  assert.is(stream.text.match(/is not published: it holds/g)?.length, Object.keys(HOSTILE).length, stream.text);
  assert.match(stream.text, 'a <script> element');
});

test(`metrics nested deeper than ${MAX_METRICS_DEPTH} levels are refused, in a file or a notebook cell, without a stack overflow`, () => {
  const nest = (depth: number) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
  assert.equal(Object.keys(flatten(nest(MAX_METRICS_DEPTH))!), ['a'.split('').concat(Array(MAX_METRICS_DEPTH - 1).fill('a')).join('.')]);
  assert.is(flatten(nest(MAX_METRICS_DEPTH + 1)), undefined);
  assert.is(flatten(nest(5000)), undefined);
  const notebook = {
    nbformat: 4, nbformat_minor: 5, metadata: {},
    cells: [{ cell_type: 'code', source: '', metadata: { tags: ['metrics'] }, execution_count: 1, outputs: [{ output_type: 'execute_result', metadata: {}, execution_count: 1, data: { 'application/json': nest(5000) } }] }],
  } as unknown as Notebook;
  const stream = new Capture();
  assert.equal(metricsFromNotebook(notebook, new Logger({ stream })), {});
  assert.match(stream.text, 'is tagged "metrics" but its last output is not a flat object');
});

test.run();
