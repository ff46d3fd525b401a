/**
 * Listings Items API 2021-08-01 in the sandbox, enough to zero out stock (reference §11):
 * patchListingsItem on /attributes/fulfillment_availability for the merchant (DEFAULT) channel, and
 * getListingsItem to read the quantity back. A listing exists for every catalogue SKU in every
 * sandbox marketplace. Accepted patches apply at once (Amazon applies them shortly after).
 */
import type { CatalogProduct } from './catalog';
import { marketplaceById } from './marketplaces';
import type { OrderDataset } from './order-dataset';
import { iso } from './order-view';
import { hashSeed, mulberry32, randomAlphanumeric } from './prng';
import type { SellerActions } from './seller-actions';
import { queryList } from './search-orders';
import { invalidInput, notFound, SandboxHttpError } from './sp-api-errors';

const FULFILLMENT_PATH = '/attributes/fulfillment_availability';
const PATCH_OPS = ['add', 'replace', 'merge', 'delete'] as const;
const GET_INCLUDED_DATA = [
  'summaries',
  'attributes',
  'issues',
  'offers',
  'fulfillmentAvailability',
  'procurement',
  'relationships',
  'productTypes',
] as const;

interface Issue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames?: string[];
  categories: string[];
}

/** Issue codes the sandbox uses (documented choices; Amazon's numeric codes are not published). */
export const LISTING_ISSUE_CODES = {
  skuNotFound: 'SKU_NOT_FOUND',
  amazonChannel: 'AMAZON_FULFILLMENT_CHANNEL',
  invalidValue: 'INVALID_ATTRIBUTE_VALUE',
  unsupportedPatch: 'UNSUPPORTED_PATCH',
} as const;

function productTypeOf(product: CatalogProduct): string {
  const t = product.title;
  if (/Keyboard|Charging|Earbuds|Lamp/.test(t)) return 'ELECTRONIC_DEVICE';
  if (/Mat|Backpack/.test(t)) return 'SPORTING_GOODS';
  if (/Necklace/.test(t)) return 'JEWELRY';
  if (/Cap/.test(t)) return 'HAT';
  return 'HOME';
}

export class ListingsItems {
  readonly #random;
  readonly #createdMs: number;

  constructor(
    private readonly dataset: OrderDataset,
    private readonly actions: SellerActions,
    private readonly sellerId: string,
    seed: number,
  ) {
    this.#random = mulberry32(hashSeed(seed, 0x1157));
    this.#createdMs = dataset.anchorMs - 400 * 24 * 60 * 60_000;
  }

  #checkSeller(sellerId: string): void {
    if (sellerId !== this.sellerId) {
      throw new SandboxHttpError(403, {
        code: 'Unauthorized',
        message: 'Access to requested resource is denied.',
        details: `The sellerId ${sellerId} does not match the selling partner of this access token.`,
      });
    }
  }

  #marketplaces(params: URLSearchParams): string[] {
    const ids = queryList(params, 'marketplaceIds');
    if (ids.length === 0) throw invalidInput('marketplaceIds is required.');
    for (const id of ids) {
      if (!marketplaceById(id)) {
        throw invalidInput(
          `Invalid marketplaceId: ${id}.`,
          'The seller is not registered in this marketplace.',
        );
      }
    }
    return ids;
  }

  #product(sku: string): CatalogProduct | undefined {
    return this.dataset.catalog.find((p) => p.sku === sku);
  }

  /** Quantity before any patch: a stable seeded number per SKU and marketplace. */
  #quantity(sku: string, marketplaceId: string): number {
    const set = this.actions.quantityOf(sku, marketplaceId);
    if (set) return set.quantity;
    const h = hashSeed(this.dataset.seed, ...Array.from(sku + marketplaceId, (c) => c.charCodeAt(0)));
    return 5 + (h % 116);
  }

  patch(
    sellerId: string,
    sku: string,
    params: URLSearchParams,
    body: unknown,
    nowMs: number,
  ): Record<string, unknown> {
    this.#checkSeller(sellerId);
    const marketplaceIds = this.#marketplaces(params);
    const mode = params.get('mode');
    if (mode !== null && mode !== 'VALIDATION_PREVIEW')
      throw invalidInput(`Invalid mode: ${mode}. The only value is VALIDATION_PREVIEW.`);
    const included = queryList(params, 'includedData');
    const badIncluded = included.filter((v) => v !== 'identifiers' && v !== 'issues');
    if (badIncluded.length > 0) throw invalidInput(`Invalid includedData: ${badIncluded.join(', ')}.`);
    if (included.includes('identifiers') && mode !== 'VALIDATION_PREVIEW')
      throw invalidInput('includedData identifiers can only be requested when mode is VALIDATION_PREVIEW.');
    const request = body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
    if (!request || typeof request.productType !== 'string' || request.productType === '')
      throw invalidInput('productType is required.');
    const patches = request.patches;
    if (!Array.isArray(patches) || patches.length === 0)
      throw invalidInput('patches must list at least one JSON Patch operation.');
    for (const p of patches as unknown[]) {
      const patch = p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
      if (!(PATCH_OPS as readonly string[]).includes(String(patch.op)))
        throw invalidInput(`Invalid patch op: ${String(patch.op)}. Use add, replace, merge or delete.`);
      if (typeof patch.path !== 'string') throw invalidInput('Each patch needs a path (a JSON Pointer).');
      if (
        patch.value !== undefined &&
        (!Array.isArray(patch.value) || patch.value.some((v) => !v || typeof v !== 'object'))
      )
        throw invalidInput('A patch value must be an array of objects.');
    }

    const submissionId = randomAlphanumeric(this.#random, 32)
      .toLowerCase()
      .replace(/[g-z]/g, (c) => ((c.charCodeAt(0) - 103) % 10).toString());
    const issues: Issue[] = [];
    const quantities: number[] = [];
    const product = this.#product(sku);
    if (!product) {
      issues.push({
        code: LISTING_ISSUE_CODES.skuNotFound,
        message: `No listing with SKU ${sku} exists for this seller; patches can only change an existing listing.`,
        severity: 'ERROR',
        categories: [],
      });
    }
    for (const p of patches as Record<string, unknown>[]) {
      if (p.path !== FULFILLMENT_PATH || p.op === 'delete') {
        issues.push({
          code: LISTING_ISSUE_CODES.unsupportedPatch,
          message: `The sandbox supports only add, replace or merge on ${FULFILLMENT_PATH} (got ${String(p.op)} ${String(p.path)}).`,
          severity: 'ERROR',
          attributeNames: [String(p.path).replace(/^\/attributes\//, '')],
          categories: ['INVALID_ATTRIBUTE'],
        });
        continue;
      }
      const values = (p.value as Record<string, unknown>[] | undefined) ?? [];
      if (values.length === 0) {
        issues.push(valueIssue('fulfillment_availability needs at least one value.'));
        continue;
      }
      for (const v of values) {
        const channel = v.fulfillment_channel_code;
        if (typeof channel !== 'string' || channel === '') {
          issues.push(valueIssue('fulfillment_channel_code is required.'));
        } else if (channel.startsWith('AMAZON_')) {
          issues.push({
            code: LISTING_ISSUE_CODES.amazonChannel,
            message: `The quantity of the Amazon-fulfilled channel ${channel} is managed by Amazon and cannot be set by the seller.`,
            severity: 'ERROR',
            attributeNames: ['fulfillment_availability'],
            categories: ['INVALID_ATTRIBUTE'],
          });
        } else if (channel !== 'DEFAULT') {
          issues.push(
            valueIssue(
              `Unknown fulfillment_channel_code ${channel}; use DEFAULT for seller-fulfilled stock.`,
            ),
          );
        } else if (v.quantity === undefined && p.op !== 'merge') {
          issues.push(valueIssue('quantity is required for the DEFAULT channel.'));
        } else if (
          v.quantity !== undefined &&
          !(Number.isInteger(v.quantity) && (v.quantity as number) >= 0)
        ) {
          issues.push(
            valueIssue(`quantity must be a whole number of 0 or more (got ${JSON.stringify(v.quantity)}).`),
          );
        } else if (typeof v.quantity === 'number') {
          quantities.push(v.quantity);
        }
      }
    }
    const response: Record<string, unknown> = { sku, status: 'ACCEPTED', submissionId, issues };
    if (issues.some((i) => i.severity === 'ERROR')) response.status = 'INVALID';
    else if (mode === 'VALIDATION_PREVIEW') response.status = 'VALID';
    else if (quantities.length > 0) {
      for (const id of marketplaceIds) this.actions.setQuantity(sku, id, quantities.at(-1)!, nowMs);
    }
    if (included.includes('identifiers') && product)
      response.identifiers = marketplaceIds.map((marketplaceId) => ({ marketplaceId, asin: product.asin }));
    return response;
  }

  get(sellerId: string, sku: string, params: URLSearchParams): Record<string, unknown> {
    this.#checkSeller(sellerId);
    const marketplaceIds = this.#marketplaces(params);
    const included = queryList(params, 'includedData');
    const bad = included.filter((v) => !(GET_INCLUDED_DATA as readonly string[]).includes(v));
    if (bad.length > 0) throw invalidInput(`Invalid includedData: ${bad.join(', ')}.`);
    const want = new Set(included.length > 0 ? included : ['summaries']);
    const product = this.#product(sku);
    if (!product) throw notFound(`SKU ${sku} was not found for this seller.`);
    const item: Record<string, unknown> = { sku };
    if (want.has('summaries')) {
      item.summaries = marketplaceIds.map((marketplaceId) => ({
        marketplaceId,
        asin: product.asin,
        productType: productTypeOf(product),
        conditionType: 'new_new',
        status: ['BUYABLE', 'DISCOVERABLE'],
        itemName: product.title,
        createdDate: iso(this.#createdMs),
        lastUpdatedDate: iso(this.actions.quantityOf(sku, marketplaceId)?.atMs ?? this.#createdMs),
      }));
    }
    if (want.has('attributes')) {
      item.attributes = {
        fulfillment_availability: marketplaceIds.map((marketplaceId) => ({
          fulfillment_channel_code: 'DEFAULT',
          quantity: this.#quantity(sku, marketplaceId),
          marketplace_id: marketplaceId,
        })),
      };
    }
    if (want.has('issues')) item.issues = [];
    if (want.has('fulfillmentAvailability')) {
      // One marketplace per call is the common case; with several, the first one's quantity shows.
      item.fulfillmentAvailability = [
        { fulfillmentChannelCode: 'DEFAULT', quantity: this.#quantity(sku, marketplaceIds[0]!) },
      ];
    }
    if (want.has('productTypes')) {
      item.productTypes = marketplaceIds.map((marketplaceId) => ({
        marketplaceId,
        productType: productTypeOf(product),
      }));
    }
    return item;
  }
}

function valueIssue(message: string): Issue {
  return {
    code: LISTING_ISSUE_CODES.invalidValue,
    message,
    severity: 'ERROR',
    attributeNames: ['fulfillment_availability'],
    categories: ['INVALID_ATTRIBUTE'],
  };
}
