// Starts the web UI: the session and idle sign-out, the menu for the user's roles, and the page the address names.
import {flash, h} from './ui.js';
import {go, menu, render} from './router.js';
import {currentUser, installSession, onSignedOut, signOut} from './session.js';
import './views/account.js';
import './views/centre.js';
import './views/candidate.js';
import './views/assessment.js';
import './views/room.js';
import './views/certification.js';
import './views/audit.js';
import './views/provenance.js';
import './views/rules.js';
import './views/reports.js';
import './views/returns.js';
import './views/outbox.js';
import './views/library.js';
import './views/portfolio.js';
import './views/arrangement.js';
import './views/privacy.js';

function drawHeader() {
    const nav = document.getElementById('nav');
    const who = document.getElementById('who');
    nav.textContent = '';
    who.textContent = '';
    const user = currentUser();
    if (!user) {
        return;
    }
    nav.append(h('ul', {}, menu().map(route => h('li', {}, h('a', {href: '#' + route.path}, route.nav)))));
    who.append(h('a', {href: '#/me', title: 'My Details'}, user.name, h('span', {class: 'pin'}, ' · PIN ' + user.pin)),
        h('button', {type: 'button', class: 'link', id: 'sign-out', onclick: () => signOut()}, 'Sign out'));
}

onSignedOut(message => {
    drawHeader();
    flash(message, 'info');
    go('/sign-in');
});

window.addEventListener('hashchange', () => {
    drawHeader();
    render();
});
window.addEventListener('awarding:signed-in', () => drawHeader());

installSession();
drawHeader();
render();
