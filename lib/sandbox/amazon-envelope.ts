/**
 * Reads an XML feed document as Amazon's amzn-envelope.xsd shapes it (Header, MessageType, Message+)
 * with fast-xml-parser, and checks element sequences the way an XSD validator would. Only what the
 * sandbox needs: well-formedness, the envelope, and a small sequence checker for message bodies.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  readonly name: string;
  readonly children: readonly XmlElement[];
  /** Concatenated character data directly inside this element (untrimmed). */
  readonly text: string;
}

export type ElementRule = { name: string; min?: number; max?: number };

/** The envelope's MessageType values (amzn-envelope.xsd). */
export const MESSAGE_TYPES = [
  'CatPIL',
  'Customer',
  'FulfillmentCenter',
  'FulfillmentOrderCancellationRequest',
  'FulfillmentOrderRequest',
  'Image',
  'Inventory',
  'Item',
  'Listings',
  'Loyalty',
  'MultiChannelOrderReport',
  'NavigationReport',
  'Offer',
  'OrderAcknowledgement',
  'OrderAdjustment',
  'OrderFulfillment',
  'OrderNotificationReport',
  'OrderReport',
  'Override',
  'Price',
  'ProcessingReport',
  'Product',
  'ProductImage',
  'Relationship',
  'ReverseItem',
  'SettlementReport',
  'Store',
  'WebstoreItem',
] as const;

export interface EnvelopeMessage {
  /** Position in the document, from 1. */
  readonly position: number;
  readonly element: XmlElement;
  /** MessageID text when it is a valid IDNumber, else ''. */
  readonly messageId: string;
  /** Schema problem of the Message wrapper itself (MessageID, OperationType, body choice). */
  readonly problem?: string;
  /** The message body element (e.g. OrderAcknowledgement), when present. */
  readonly body?: XmlElement;
}

export type EnvelopeReading =
  | { kind: 'fatal'; code: 'not-xml' | 'not-envelope'; description: string }
  | { kind: 'invalid'; description: string; merchantIdentifier: string }
  | {
      kind: 'envelope';
      merchantIdentifier: string;
      messageType: string;
      messages: readonly EnvelopeMessage[];
    };

type Ordered = Record<string, unknown>;

function toElement(name: string, content: unknown): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  for (const node of Array.isArray(content) ? (content as Ordered[]) : []) {
    for (const key of Object.keys(node)) {
      if (key === ':@' || key === '#comment' || key.startsWith('?')) continue;
      if (key === '#text') text += String(node[key]);
      else children.push(toElement(key, node[key]));
    }
  }
  return { name, children, text };
}

/** The document element, or why the bytes are not well-formed XML (libxml2-like wording). */
export function parseXmlDocument(xml: string): { root: XmlElement } | { error: string } {
  const check = XMLValidator.validate(xml);
  if (check !== true) {
    const { msg, line, col } = check.err;
    return { error: `XML Parsing Fatal Error at Line ${line ?? 1}, Column ${col ?? 1}: ${msg}` };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
  });
  const nodes = parser.parse(xml) as Ordered[];
  const roots = nodes.flatMap((node) =>
    Object.keys(node)
      .filter((k) => k !== ':@' && k !== '#text' && k !== '#comment' && !k.startsWith('?'))
      .map((k) => toElement(k, node[k])),
  );
  if (roots.length !== 1)
    return { error: 'XML Parsing Fatal Error: the document has no single root element.' };
  return { root: roots[0]! };
}

/** Checks an xsd:sequence of elements; returns libxml2-style text for the first violation. */
export function checkSequence(parent: XmlElement, rules: readonly ElementRule[]): string | undefined {
  if (parent.text.trim() !== '') {
    return `Element '${parent.name}': Character content other than whitespace is not allowed.`;
  }
  const kids = parent.children;
  let i = 0;
  for (const rule of rules) {
    let n = 0;
    while (i < kids.length && kids[i]!.name === rule.name && n < (rule.max ?? 1)) {
      i++;
      n++;
    }
    if (n < (rule.min ?? 1)) {
      return i < kids.length
        ? `Element '${kids[i]!.name}': This element is not expected. Expected is ( ${rule.name} ).`
        : `Element '${parent.name}': Missing child element(s). Expected is ( ${rule.name} ).`;
    }
  }
  if (i < kids.length) return `Element '${kids[i]!.name}': This element is not expected.`;
  return undefined;
}

/** Text of a simple-typed child (no element children allowed). */
export function simpleText(element: XmlElement): string | undefined {
  return element.children.length === 0 ? element.text : undefined;
}

export function child(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((c) => c.name === name);
}

/** IDNumber (amzn-base.xsd): positive integer of 1–20 digits; whitespace collapses. */
export function isIdNumber(text: string | undefined): boolean {
  const t = text?.trim() ?? '';
  return /^\d{1,20}$/.test(t) && /[1-9]/.test(t);
}

/** amzn-base.xsd String: normalizedString of at most 50 characters. */
function isBaseString(text: string | undefined): boolean {
  return text !== undefined && text.replace(/[\t\r\n]/g, ' ').length <= 50;
}

export function readEnvelope(xml: string): EnvelopeReading {
  const parsed = parseXmlDocument(xml);
  if ('error' in parsed) return { kind: 'fatal', code: 'not-xml', description: parsed.error };
  const root = parsed.root;
  if (root.name !== 'AmazonEnvelope') {
    return {
      kind: 'fatal',
      code: 'not-envelope',
      description: `The XML you submitted is ill-formed at the Amazon Envelope XML level: the root element is '${root.name}', expected 'AmazonEnvelope'.`,
    };
  }
  const header = child(root, 'Header');
  const merchantText = header && child(header, 'MerchantIdentifier');
  const merchantIdentifier = (merchantText && simpleText(merchantText)) ?? '';
  const invalid = (problem: string): EnvelopeReading => ({
    kind: 'invalid',
    merchantIdentifier,
    description: `XML Parsing Error in the envelope: ${problem}`,
  });
  const envelopeProblem =
    checkSequence(root, [
      { name: 'Header' },
      { name: 'MessageType' },
      { name: 'MarketplaceName', min: 0 },
      { name: 'PurgeAndReplace', min: 0 },
      { name: 'EffectiveDate', min: 0 },
      { name: 'Message', max: Infinity },
    ]) ??
    checkSequence(header!, [
      { name: 'DocumentVersion' },
      { name: 'MerchantIdentifier' },
      { name: 'OverrideReleaseId', min: 0 },
    ]);
  if (envelopeProblem) return invalid(envelopeProblem);
  const version = simpleText(child(header!, 'DocumentVersion')!);
  if (version === undefined || !/^\d{1,2}\.\d{1,2}$/.test(version)) {
    return invalid(
      `Element 'DocumentVersion': '${version ?? ''}' is not a valid value (pattern \\d{1,2}\\.\\d{1,2}).`,
    );
  }
  if (!isBaseString(simpleText(child(header!, 'MerchantIdentifier')!))) {
    return invalid(`Element 'MerchantIdentifier': the value is not a String of at most 50 characters.`);
  }
  const messageType = simpleText(child(root, 'MessageType')!) ?? '';
  if (!(MESSAGE_TYPES as readonly string[]).includes(messageType)) {
    return invalid(
      `Element 'MessageType': [facet 'enumeration'] The value '${messageType}' is not an element of the set.`,
    );
  }
  const messages = root.children
    .filter((c) => c.name === 'Message')
    .map((element, i): EnvelopeMessage => {
      const idElement = element.children[0]?.name === 'MessageID' ? element.children[0] : undefined;
      const idText = idElement && simpleText(idElement);
      const messageId = isIdNumber(idText) ? idText!.trim().replace(/^0+/, '') : '';
      const last = element.children.at(-1)?.name ?? '';
      const bodyName = last === 'MessageID' || last === 'OperationType' ? '' : last;
      const problem =
        (bodyName === ''
          ? `Element 'Message': Missing child element(s). Expected is ( ${messageType} ).`
          : undefined) ??
        checkSequence(element, [
          { name: 'MessageID' },
          { name: 'OperationType', min: 0 },
          { name: bodyName },
        ]) ??
        (messageId === ''
          ? `Element 'MessageID': '${idText ?? ''}' is not a valid value of the atomic type 'IDNumber'.`
          : undefined) ??
        (bodyName === messageType
          ? undefined
          : `Element '${bodyName}': This element is not expected. Expected is ( ${messageType} ).`);
      const operation = child(element, 'OperationType');
      const operationProblem =
        operation && !['Update', 'Delete', 'PartialUpdate'].includes(simpleText(operation) ?? '')
          ? `Element 'OperationType': [facet 'enumeration'] The value '${operation.text}' is not an element of the set {'Update', 'Delete', 'PartialUpdate'}.`
          : undefined;
      return {
        position: i + 1,
        element,
        messageId,
        problem: problem ?? operationProblem,
        body: bodyName === messageType ? element.children.at(-1) : undefined,
      };
    });
  return { kind: 'envelope', merchantIdentifier, messageType, messages };
}
