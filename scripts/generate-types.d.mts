/** TypeScript source of src/core/model/types.generated.ts, from schemas/postmortem.schema.json. */
export function generateModelTypes(): Promise<string>;
