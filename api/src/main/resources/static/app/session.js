// Who is signed in, signing in and out, and the idle sign-out: after the server's idle limit (40 minutes by
// default) without activity the session ends; five minutes before, a dialog offers to stay signed in.
import {api, saveSession, session, whenActive, whenSignedOut} from './api.js';

const WARN_BEFORE_MS = 5 * 60 * 1000;
const PING_EVERY_MS = 5 * 60 * 1000;
let warnTimer;
let endTimer;
let countdownTimer;
let lastCall = Date.now();
let signedOutHandler = () => {};

export function currentUser() {
    return session()?.user || null;
}

export function hasRole(...roles) {
    const user = currentUser();
    return !!user && roles.some(role => user.roles.includes(role));
}

export function isImiStaff() {
    return hasRole('IMI_ADMIN', 'AUDITOR');
}

/** What to do once signed out (show the sign-in page with the message). */
export function onSignedOut(handler) {
    signedOutHandler = handler;
}

export async function signIn(pin, password) {
    const answer = await api('POST', '/api/auth/login', {body: {pin, password}, token: null});
    saveSession({token: answer.token, user: answer.user,
        idleMs: Math.max(60, answer.idleTimeoutSeconds || 2400) * 1000});
    restartIdleTimer();
    return answer.user;
}

export async function signOut(message) {
    const current = session();
    stopIdleTimer();
    saveSession(null);
    if (current) {
        try {
            await api('POST', '/api/auth/logout', {token: current.token});
        } catch (e) {
            // already ended on the server: nothing more to do
        }
    }
    signedOutHandler(message || 'You have signed out.');
}

function idleMs() {
    return session()?.idleMs || 40 * 60 * 1000;
}

function stopIdleTimer() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    clearInterval(countdownTimer);
    const warning = document.getElementById('idle-warning');
    if (warning?.open) {
        warning.close();
    }
}

/** The idle clock starts again: after a call to the server, or when the user chooses to stay. */
export function restartIdleTimer() {
    lastCall = Date.now();
    stopIdleTimer();
    if (!session()) {
        return;
    }
    const idle = idleMs();
    warnTimer = setTimeout(showWarning, Math.max(0, idle - WARN_BEFORE_MS));
    endTimer = setTimeout(() => signOut('You were signed out after ' + Math.round(idle / 60000)
        + ' minutes without activity.'), idle);
}

function showWarning() {
    const warning = document.getElementById('idle-warning');
    const countdown = document.getElementById('idle-countdown');
    const endsAt = lastCall + idleMs();
    const tick = () => {
        const seconds = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
        countdown.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
    };
    tick();
    countdownTimer = setInterval(tick, 1000);
    warning.showModal();
    document.getElementById('idle-stay').focus();
}

/** Typing and clicking in the page count as activity: the server is told now and then, so it agrees. */
function noteActivity() {
    if (session() && Date.now() - lastCall > PING_EVERY_MS && !document.getElementById('idle-warning').open) {
        lastCall = Date.now();
        api('GET', '/api/me').catch(() => {});
    }
}

export function installSession() {
    whenActive(restartIdleTimer);
    whenSignedOut(message => {
        stopIdleTimer();
        saveSession(null);
        signedOutHandler(message);
    });
    document.getElementById('idle-stay').addEventListener('click', async () => {
        stopIdleTimer();
        try {
            await api('GET', '/api/me');
        } catch (e) {
            // the 401 handler has signed the user out
        }
    });
    document.getElementById('idle-leave').addEventListener('click', () => signOut());
    document.getElementById('idle-warning').addEventListener('cancel', event => event.preventDefault());
    for (const type of ['keydown', 'pointerdown']) {
        document.addEventListener(type, noteActivity, {passive: true});
    }
    if (session()) {
        restartIdleTimer();
    }
}

