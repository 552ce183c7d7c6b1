export async function solutionCommand(_argv: string[]): Promise<number> { throw new Error('not yet'); }
