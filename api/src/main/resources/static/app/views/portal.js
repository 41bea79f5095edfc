// Filled in by the portal pages.
import {register} from '../router.js';
register();
