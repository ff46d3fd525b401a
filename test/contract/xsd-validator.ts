/**
 * Test-only (Node): validates feed and processing-report XML against Amazon's XSDs in
 * ../shared/sp-api-models/xsd with xmllint-wasm. amzn-envelope.xsd includes ~30 XSDs that are not
 * in the repo, so the envelope is trimmed to the order-related ones, as SOURCES.md describes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { requireModelsDir } from './models-location.mjs';

const xsdDir = () => path.join(requireModelsDir(), 'xsd');
const KEPT = [
  'amzn-base',
  'amzn-header',
  'OrderAcknowledgement',
  'OrderAdjustment',
  'OrderFulfillment',
  'ProcessingReport',
];
const KEPT_MESSAGES = ['OrderAcknowledgement', 'OrderAdjustment', 'OrderFulfillment', 'ProcessingReport'];

let schemas: { envelope: string; preload: { fileName: string; contents: string }[] } | undefined;

/** amzn-envelope.xsd without the includes (and message choices) whose XSDs are not present. */
export function trimmedEnvelopeXsd(): string {
  const full = readFileSync(path.join(xsdDir(), 'amzn-envelope.xsd'), 'utf8');
  return full
    .replace(/[ \t]*<xsd:include schemaLocation="([^"]+)\.xsd"\/>\r?\n/g, (line, name: string) =>
      KEPT.includes(name) ? line : '',
    )
    .replace(/[ \t]*<xsd:element ref="([^"]+)"\/>\r?\n/g, (line, name: string) =>
      KEPT_MESSAGES.includes(name) || !/^[A-Z]/.test(name) || name === 'Header' ? line : '',
    );
}

function loadSchemas() {
  schemas ??= {
    envelope: trimmedEnvelopeXsd(),
    preload: KEPT.map((name) => ({
      fileName: `${name}.xsd`,
      contents: readFileSync(path.join(xsdDir(), `${name}.xsd`), 'utf8'),
    })),
  };
  return schemas;
}

/** Validation errors of an AmazonEnvelope document (empty when it is valid). */
export async function validateFeedXml(xml: string): Promise<string[]> {
  const { envelope, preload } = loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: 'feed.xml', contents: xml }],
    schema: [{ fileName: 'amzn-envelope.xsd', contents: envelope }],
    preload,
  });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
