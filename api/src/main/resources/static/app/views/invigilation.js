// Filled in by the invigilation pages.
import {register} from '../router.js';
register();
