import { applyDecorators, type StreamableFile } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ContractName, ResponseOf } from '@schakel/contracts';

type Handler<T> = (...args: never[]) => T | Promise<T>;

/**
 * The answer of a route comes from libs/contracts: the OpenAPI document references the contract's
 * schema (`#/components/schemas/<name>`, added by completeOpenApiDocument), and the handler must
 * return that contract's type, so a drift between controller and contract is a type error.
 * Status 200 unless given (201 for a POST that creates).
 */
export function ApiContract<K extends ContractName>(name: K, description: string, status = 200) {
  const doc = applyDecorators(ApiResponse({ status, description, schema: { $ref: contractRef(name) } }));
  return <M extends Handler<ResponseOf<K>>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    doc(target, key, descriptor);
  };
}

export const contractRef = (name: ContractName) => `#/components/schemas/${name}`;

/**
 * A route answering its contract as JSON, or a file for `?format=` (PDF, CSV): the document lists the
 * contract under `application/json` and a binary body under each file type; the handler returns the
 * contract's type or a StreamableFile.
 */
export function ApiContractOrFile<K extends ContractName>(name: K, description: string, fileTypes: readonly string[]) {
  const files = Object.fromEntries(fileTypes.map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]));
  const doc = ApiResponse({ status: 200, description, content: { 'application/json': { schema: { $ref: contractRef(name) } }, ...files } });
  return <M extends Handler<ResponseOf<K> | StreamableFile>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    doc(target, key, descriptor);
  };
}
