export async function loadCommand(_argv: string[]): Promise<number> { throw new Error('not yet'); }
