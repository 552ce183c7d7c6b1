export async function startCommand(_argv: string[]): Promise<number> { throw new Error('not yet'); }
