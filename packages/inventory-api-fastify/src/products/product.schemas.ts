// JSON schemas of the product routes' inputs (REQUIREMENTS.md R33–R39).
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export interface IdParams {
  id: number;
}
