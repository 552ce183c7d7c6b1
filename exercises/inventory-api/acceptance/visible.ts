// The visible part of the acceptance suite: what candidates run (`pnpm acceptance` in an exported
// repo, or `faultline verify inventory-api` here with every check). index.ts adds the hidden ones.
import type { FunctionalCheck } from '@faultline/kit';
import authVisible from './auth.visible.js';
import errorsVisible from './errors.visible.js';
import productsVisible from './products.visible.js';
import stockVisible from './stock.visible.js';
import validationVisible from './validation.visible.js';

const checks: FunctionalCheck[] = [...productsVisible, ...stockVisible, ...errorsVisible, ...validationVisible, ...authVisible];

export default checks;
