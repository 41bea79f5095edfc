// Users: a centre's users (for IMI staff and the centre's coordinator) and IMI's own staff. Adding a user shows the
// new PIN at once, large; deactivating, reactivating and changing roles each ask for the reason the server keeps.
import {get, post, put} from '../api.js';
import {form, h, notify, section, table, when} from '../ui.js';
import {currentUser, hasRole, isImiStaff} from '../session.js';
import {roleName} from './account.js';
import {act, actWithReason, awaitRead, CENTRE_ROLES, checkboxGroup, enc, hubPage, IMI_ROLES, managesUsersOf, newPinPanel,
    ticked} from './hub-common.js';

/** A button in a table row: short words to see, the user's name for a screen reader. */
function rowButton(text, label, onclick) {
    return h('button', {type: 'button', class: 'secondary small', 'aria-label': label, onclick}, text);
}

/** Active (with or without a password set yet) or deactivated, as a badge. */
export function statusOf(user) {
    if (!user.active) {
        return h('span', {class: 'badge inactive'}, 'Deactivated');
    }
    return user.activated ? h('span', {class: 'badge active'}, 'Active')
        : h('span', {class: 'badge applied', title: 'Active; has not yet set a password from the email'}, 'Password not set');
}

/**
 * The table of users with the actions this user may take on each. list() reads the list again; after a change the
 * table is read until the change shows, then drawn again.
 */
function usersPanel({list, manage, roles, empty}) {
    const holder = h('div', {class: 'users-table'}, h('p', {class: 'hint'}, 'Loading users…'));

    async function draw(users) {
        holder.textContent = '';
        holder.append(table([
            {label: 'Name', value: user => user.name},
            {label: 'PIN', value: user => h('span', {class: 'pin-large'}, user.pin)},
            {label: 'Email', value: user => user.email},
            {label: 'Roles', value: user => user.roles.map(roleName).join(', ')},
            {label: 'Status', value: statusOf},
            {label: 'Last signed in', value: user => user.lastSignInAt ? when(user.lastSignInAt) : 'Never'},
            ...(manage ? [{label: 'Actions', value: user => user.userId === currentUser().userId
                ? h('span', {class: 'hint'}, 'You') : h('div', {class: 'row-actions'}, actionsFor(user))}] : [])
        ], users, empty, null));
    }

    async function refresh(until) {
        try {
            await draw(until ? await awaitRead(list, until) : await list());
        } catch (error) {
            holder.textContent = '';
            holder.append(h('p', {class: 'message error'}, 'The users could not be read: ' + error.message));
        }
    }

    function actionsFor(user) {
        const path = '/api/users/' + enc(user.userId);
        const found = users => users.find(other => other.userId === user.userId);
        if (!user.active) {
            return [rowButton('Reactivate', 'Reactivate ' + user.name, async () => {
                if (await actWithReason('Reactivate ' + user.name + '?', 'They may sign in again with PIN ' + user.pin
                    + '.', reason => post(path + '/reactivate', {reason}), 'Reactivate user')) {
                    notify(user.name + ' is active again and may sign in with PIN ' + user.pin + '.', 'ok');
                    await refresh(users => found(users)?.active === true);
                }
            })];
        }
        const actions = [rowButton('Deactivate', 'Deactivate ' + user.name, async () => {
            if (await actWithReason('Deactivate ' + user.name + '?', 'They are signed out at once and cannot sign in '
                + 'until reactivated. Their records stay as they are.', reason => post(path + '/deactivate', {reason}),
            'Deactivate user')) {
                notify(user.name + ' (PIN ' + user.pin + ') is deactivated and signed out.', 'ok');
                await refresh(users => found(users)?.active === false);
            }
        }),
        rowButton('Change roles', 'Change the roles of ' + user.name, async () => {
            const done = await act({title: 'Change the roles of ' + user.name, submitLabel: 'Save roles', fields: [
                checkboxGroup({field: 'roles', legend: 'Roles', name: 'role', checked: user.roles,
                    options: roles.map(role => ({value: role, label: roleName(role)}))}),
                {name: 'reason', label: 'Reason', type: 'textarea', required: true,
                    hint: 'Kept in the audit trail with your PIN.'}]},
            (values, formElement) => put(path + '/roles', {roles: ticked(formElement, 'role'), reason: values.reason}));
            if (done) {
                notify(user.name + '\'s roles are changed.', 'ok');
                await refresh(users => JSON.stringify(found(users)?.roles) !== JSON.stringify(user.roles));
            }
        })];
        if (!user.activated) {
            actions.push(rowButton('Email a new link', 'Email ' + user.name + ' a new link to set a password', async () => {
                try {
                    await post(path + '/activation-email');
                    notify('A new link to set a password is on its way to ' + user.email + '; earlier links no '
                        + 'longer work.', 'ok');
                } catch (error) {
                    notify(error.message, 'error');
                }
            }));
        }
        return actions;
    }

    refresh();
    return {element: holder, refresh};
}

/** The form that adds a user; on success the new PIN is shown in `slot`, large, and in the notice. */
function addUserForm({path, roles, slot, intro, added}) {
    return form({id: 'add-user', submitLabel: 'Add user', fields: [
        {name: 'name', label: 'Full name', required: true, attrs: {maxlength: 100, autocomplete: 'off'}},
        {name: 'email', label: 'Email', type: 'email', required: true, attrs: {maxlength: 254, autocomplete: 'off'},
            hint: 'We email them a link to set their password.'},
        checkboxGroup({field: 'roles', legend: 'Roles', name: 'role', hint: 'At least one.',
            options: roles.map(role => ({value: role, label: roleName(role)}))})],
    submit: async (values, formElement) => {
        const chosen = ticked(formElement, 'role');
        const created = await post(path, {name: values.name, email: values.email, roles: chosen});
        const user = {name: values.name, pin: created.pin};
        slot.textContent = '';
        slot.append(newPinPanel(user, intro(values, chosen)));
        notify(values.name + ' is added. Their PIN is ' + created.pin + '. An email to set their password is on '
            + 'its way to ' + values.email + '.', 'ok');
        formElement.reset();
        slot.firstChild.focus();
        await added(created);
    }});
}

export function centreUsersSection(centre) {
    const path = '/api/centres/' + enc(centre.centreId) + '/users';
    const manage = managesUsersOf(centre.centreId) && centre.status !== 'WITHDRAWN';
    const panel = usersPanel({list: () => get(path), manage, roles: CENTRE_ROLES, empty: 'No users yet.'});
    const slot = h('div', {class: 'pin-slot'});
    return section('Users',
        h('p', {class: 'hint'}, 'Each person signs in with their own PIN. '
            + (manage ? 'Give a new user their PIN; they choose a password from the email we send them.' : '')),
        slot,
        panel.element,
        manage ? h('div', {class: 'add-user'}, h('h3', {}, 'Add a user'), addUserForm({path, roles: CENTRE_ROLES, slot,
            intro: (values, chosen) => 'Give this PIN to ' + values.name + ' (' + chosen.map(roleName).join(', ')
                + '). They sign in with it once they have set a password from the email sent to ' + values.email + '.',
            added: created => panel.refresh(users => users.some(user => user.userId === created.userId))})) : null);
}

/** IMI's own staff: administrators and auditors, with no centre. */
export async function staffPage(container) {
    const manage = hasRole('IMI_ADMIN');
    const panel = usersPanel({list: () => get('/api/users'), manage, roles: IMI_ROLES, empty: 'No IMI staff.'});
    const slot = h('div', {class: 'pin-slot'});
    hubPage(container, 'IMI staff',
        h('p', {class: 'lead'}, 'IMI administrators and auditors. They belong to no centre.'),
        slot,
        section('Staff', panel.element),
        manage ? section('Add a member of staff', addUserForm({path: '/api/users', roles: IMI_ROLES, slot,
            intro: (values, chosen) => 'Give this PIN to ' + values.name + ' (' + chosen.map(roleName).join(', ')
                + '). They sign in with it once they have set a password from the email sent to ' + values.email + '.',
            added: created => panel.refresh(users => users.some(user => user.userId === created.userId))})) : null,
        isImiStaff() && !manage ? h('p', {class: 'hint'}, 'Only an IMI administrator adds or changes staff.') : null);
}
