// Signing in, the forgotten-password request, the home page for each role, and My Details.
import {get, post, put} from '../api.js';
import {details, form, h, notify, page, section} from '../ui.js';
import {go, menu, register} from '../router.js';
import {currentUser, signIn} from '../session.js';

const ROLE_NAMES = {
    IMI_ADMIN: 'IMI administrator', AUDITOR: 'Auditor', CENTRE_COORDINATOR: 'Centre coordinator',
    CENTRE_ADMIN: 'Centre administrator', INVIGILATOR: 'Invigilator', ASSESSOR: 'Assessor', IQA: 'Internal quality assurer',
    CANDIDATE: 'Candidate'
};

export function roleName(role) {
    return ROLE_NAMES[role] || role;
}

function signInPage(container) {
    if (currentUser()) {
        return go('/');
    }
    page(container, 'Sign in',
        h('p', {class: 'lead'}, 'Sign in with the 8-digit PIN you were given and your password.'),
        form({id: 'sign-in-form', submitLabel: 'Sign in', fields: [
            {name: 'pin', label: 'PIN', required: true, attrs: {inputmode: 'numeric', autocomplete: 'username',
                maxlength: 8, spellcheck: 'false'}},
            {name: 'password', label: 'Password', type: 'password', required: true,
                attrs: {autocomplete: 'current-password'}}],
        submit: async values => {
            await signIn(values.pin, values.password);
            window.dispatchEvent(new Event('awarding:signed-in'));
            go('/');
        }}),
        h('p', {}, h('a', {href: '#/forgotten-password'}, 'Forgotten your password?')),
        h('p', {class: 'hint'}, 'Sitting a test? ', h('a', {href: '/test'}, 'Start your test here'),
            ' with your registration number and the access key from your invigilator.'));
}

function forgottenPasswordPage(container) {
    page(container, 'Forgotten password',
        h('p', {class: 'lead'}, 'Enter your PIN. If it belongs to an active account, we will email a link to '
            + 'choose a new password to the address we hold for you.'),
        form({id: 'forgotten-form', submitLabel: 'Email me a link', fields: [
            {name: 'pin', label: 'PIN', required: true, attrs: {inputmode: 'numeric', maxlength: 8}}],
        submit: async values => {
            await post('/api/auth/password-reset', {pin: values.pin}, {token: null});
            notify('If that PIN has an account, an email with a link is on its way. The link works once.', 'ok');
        }}),
        h('p', {}, h('a', {href: '#/sign-in'}, 'Back to sign in')));
}

function homePage(container) {
    const user = currentUser();
    const tiles = menu().filter(route => route.path !== '/');
    page(container, 'Welcome, ' + user.name,
        h('p', {class: 'lead'}, user.roles.map(roleName).join(', ')),
        h('ul', {class: 'tiles'}, tiles.map(route => h('li', {}, h('a', {href: '#' + route.path},
            h('strong', {}, route.nav), route.summary ? h('span', {}, route.summary) : null)))));
}

async function myDetailsPage(container) {
    const [me, notifications] = await Promise.all([get('/api/me'), get('/api/me/notification-preferences')]);
    page(container, 'My Details', section('Your account', details([
        ['Name', me.name], ['PIN', h('strong', {class: 'pin-large', id: 'my-pin'}, me.pin)], ['Email', me.email],
        ['Roles', me.roles.map(roleName).join(', ')], ['Centre', me.roles.includes('CANDIDATE') ? me.centreId
            : me.centreId ? h('a', {href: '#/my-centre'}, me.centreId) : 'IMI (no centre)']])),
        h('p', {class: 'hint'}, 'Your PIN is your sign-in name. To change your password, sign out and use '
            + '"Forgotten your password?".'),
        notificationsSection(notifications));
}

/**
 * The emails the user gets: a checkbox per kind, ticked when on; the mandatory ones ticked and disabled (they are
 * always sent). Saving sends the whole set of optional kinds left unticked.
 */
function notificationsSection(settings) {
    const fields = settings.kinds.map(kind => ({name: 'notify-' + kind.kind, label: kind.description,
        type: 'checkbox', value: kind.enabled, hint: kind.optional ? null : 'Always sent: it cannot be turned off.',
        attrs: kind.optional ? {} : {disabled: true}}));
    return section('Notifications',
        h('p', {class: 'lead'}, 'Emails sent to you when something you wait for has happened. Untick the ones '
            + 'you do not want.'),
        form({id: 'notifications-form', submitLabel: 'Save notification choices', fields,
            submit: async formValues => {
                const turnedOff = settings.kinds.filter(kind => kind.optional && !formValues['notify-' + kind.kind])
                    .map(kind => kind.kind);
                settings = await put('/api/me/notification-preferences', {turnedOff});
                notify('Your notification choices are saved.', 'ok');
            }}));
}

register(
    {path: '/sign-in', public: true, render: signInPage},
    {path: '/forgotten-password', public: true, render: forgottenPasswordPage},
    {path: '/', nav: 'Home', render: homePage, candidate: true},
    {path: '/me', render: myDetailsPage, candidate: true});
