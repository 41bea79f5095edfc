// Hash routes (#/centres/123) to page functions. Each area of the UI registers its routes with the roles that may
// see them (the server enforces the same rules; the menu only hides what would be refused).
import {h, page, pageNotice} from './ui.js';
import {currentUser, hasRole} from './session.js';

const routes = [];

/**
 * route: {path ('/centres/:id'), render(container, params, query), roles (any of; omitted: any signed-in user),
 * nav (menu label, for routes without parameters), public (no sign-in needed)}.
 */
export function register(...entries) {
    routes.push(...entries);
}

export function go(path) {
    if (location.hash === '#' + path) {
        render();
    } else {
        location.hash = path;
    }
}

function match(route, path) {
    const names = [];
    const pattern = new RegExp('^' + route.path.replace(/:[a-zA-Z]+/g, name => {
        names.push(name.substring(1));
        return '([^/]+)';
    }) + '/?$');
    const found = pattern.exec(path);
    if (!found) {
        return null;
    }
    return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
}

export function allowed(route) {
    if (route.public) {
        return true;
    }
    if (!currentUser()) {
        return false;
    }
    if (hasRole('CANDIDATE')) {
        return !!route.candidate; // a candidate's own account opens only its ePortfolio, Home and My Details
    }
    return !route.roles || hasRole(...route.roles);
}

/** The menu: the routes with a nav label that this user may use. */
export function menu() {
    return routes.filter(route => route.nav && allowed(route) && !route.public);
}

export async function render() {
    const [path, queryText] = (location.hash.substring(1) || '/').split('?');
    const container = document.getElementById('main');
    pageNotice();
    for (const route of routes) {
        const params = match(route, path);
        if (!params) {
            continue;
        }
        if (!currentUser() && !route.public) {
            return go('/sign-in');
        }
        if (!allowed(route)) {
            page(container, 'Not available', h('p', {}, 'Your role does not give access to this page.'));
            return;
        }
        markCurrent(path);
        try {
            await route.render(container, params, new URLSearchParams(queryText || ''));
        } catch (error) {
            page(container, 'Something went wrong', h('p', {class: 'message error'}, error.message || String(error)));
        }
        return;
    }
    page(container, 'Page not found', h('p', {}, 'There is no page at this address.'), h('a', {href: '#/'}, 'Home'));
}

function markCurrent(path) {
    document.querySelectorAll('#nav a').forEach(anchor => {
        const target = anchor.getAttribute('href').substring(1);
        const current = target === path || (target !== '/' && path.startsWith(target + '/'));
        if (current) {
            anchor.setAttribute('aria-current', 'page');
        } else {
            anchor.removeAttribute('aria-current');
        }
    });
}
