// The exam room (invigilators): the tests running at the centre now, with the time each candidate has left and their
// access arrangements (who may take a rest break, who has a reader or sits apart); pause
// and resume one test or the whole room (a fire alarm), and record an incident against one test or the sitting.
// The time left of a paused test stands still; on resume the end moves by the time paused (ADR 0154).
import {get, post} from '../api.js';
import {badge, dialog, h, notify, page, section, table, when} from '../ui.js';
import {register} from '../router.js';
import {adjustmentWords} from './arrangement.js';
import {currentUser} from '../session.js';

const REFRESH_EVERY_MS = 15000;

const PAUSE_KINDS = [
    {value: 'EMERGENCY', label: 'Emergency (fire alarm, evacuation)'},
    {value: 'REST_BREAK', label: 'Supervised rest break (access arrangement)'},
    {value: 'OTHER', label: 'Other (say why)'}];

const INCIDENT_KINDS = [
    {value: 'DISRUPTION', label: 'Disruption'},
    {value: 'LATE_START', label: 'Late start'},
    {value: 'SUSPECTED_MALPRACTICE', label: 'Suspected malpractice'},
    {value: 'TECHNICAL_FAILURE', label: 'Technical failure'},
    {value: 'ILLNESS', label: 'Illness'},
    {value: 'OTHER', label: 'Other'}];

/** Minutes and seconds, "12:05", from whole seconds. */
function minutes(seconds) {
    const whole = Math.max(0, Math.floor(seconds));
    return Math.floor(whole / 60) + ':' + String(whole % 60).padStart(2, '0');
}

/** Seconds left: from the pause when paused (the clock stands still), from now otherwise. */
function secondsLeft(attempt) {
    const from = attempt.paused ? new Date(attempt.pausedAt) : new Date();
    return (new Date(attempt.endsAt) - from) / 1000;
}

/** The datetime-local value of now, in UTC, to the minute. */
function nowPicker() {
    return new Date().toISOString().slice(0, 16);
}

/** What a room call did, in words: how many changed, and each refusal with its reason. */
function roomSummary(answer, done) {
    const changed = answer.changed.length;
    const refused = answer.refused.map(refusal => refusal.attemptId.slice(0, 8) + ': ' + refusal.detail);
    return changed + (changed === 1 ? ' test ' : ' tests ') + done + '.'
        + (refused.length ? ' Not ' + done + ' (' + refused.length + '): ' + refused.join('; ') : '');
}

async function roomPage(container) {
    const centreId = currentUser().centreId;
    const base = '/api/centres/' + encodeURIComponent(centreId);
    const list = h('div', {id: 'room-attempts'});
    const status = h('p', {class: 'hint', role: 'status', 'aria-live': 'polite'});
    let attempts = [];

    async function load() {
        try {
            attempts = await get(base + '/assessment-attempts/running');
            list.textContent = '';
            list.append(table([
                {label: 'Registration number', value: a => h('a', {href: '#/candidates/'
                    + encodeURIComponent(a.candidateId)}, a.registrationNumber)},
                {label: 'Test', value: a => a.assessmentCode},
                {label: 'Access arrangements', value: a => adjustmentWords(a.adjustments)},
                {label: 'Started', value: a => when(a.startedAt)},
                {label: 'Ends', value: a => h('span', {class: 'room-ends'}, when(a.endsAt))},
                {label: 'Time left', value: a => h('span', {class: 'room-left'}, minutes(secondsLeft(a)))},
                {label: 'State', value: a => a.paused
                    ? [badge('Paused', 'suspended'), ' since ' + when(a.pausedAt)]
                    : badge('Running', 'approved')},
                {label: 'Actions', value: a => h('div', {class: 'row-actions'},
                    a.paused
                        ? h('button', {type: 'button', onclick: () => resumeOne(a)}, 'Resume',
                            h('span', {class: 'visually-hidden'}, ' ' + a.registrationNumber))
                        : h('button', {type: 'button', class: 'secondary', onclick: () => pauseOne(a)}, 'Pause',
                            h('span', {class: 'visually-hidden'}, ' ' + a.registrationNumber)),
                    h('button', {type: 'button', class: 'secondary', onclick: () => incident([a])},
                        'Record incident', h('span', {class: 'visually-hidden'}, ' for ' + a.registrationNumber)))}],
            attempts, 'No tests are running at your centre now.', 'Tests running now, oldest started first'));
            status.textContent = 'Updated at ' + new Date().toLocaleTimeString('en-GB', {hour: '2-digit',
                minute: '2-digit', second: '2-digit', timeZone: 'UTC'}) + ' UTC; the list refreshes every 15 seconds.';
        } catch (error) {
            list.textContent = '';
            list.append(h('p', {class: 'message error'}, error.message));
        }
    }

    /** Asks for the kind and reason of a pause; null when cancelled. */
    function askPause(title, intro, submit) {
        return dialog({title, intro, submitLabel: 'Pause', submit, fields: [
            {name: 'kind', label: 'Kind of pause', type: 'select', required: true, value: 'EMERGENCY',
                options: PAUSE_KINDS},
            {name: 'reason', label: 'Reason', type: 'textarea', required: true,
                hint: 'Kept on the candidate\'s record with your PIN.'}]});
    }

    async function pauseOne(attempt) {
        const done = await askPause('Pause the test of ' + attempt.registrationNumber,
            'The candidate\'s clock stops and their answers wait until you resume.',
            values => post('/api/assessment-attempts/' + encodeURIComponent(attempt.attemptId) + '/pause', values));
        if (done) {
            notify('Paused the test of ' + attempt.registrationNumber + '.', 'ok');
            await refreshSoon();
        }
    }

    async function resumeOne(attempt) {
        try {
            const answer = await post('/api/assessment-attempts/' + encodeURIComponent(attempt.attemptId)
                + '/resume', {});
            notify('Resumed the test of ' + attempt.registrationNumber + '; it now ends at ' + when(answer.endsAt)
                + '.', 'ok');
        } catch (error) {
            notify(error.message, 'error');
        }
        await refreshSoon();
    }

    async function pauseRoom() {
        const answer = await askPause('Pause the whole room',
            'Every test running at your centre now is paused: use it for a fire alarm or an evacuation.',
            values => post(base + '/assessment-attempts/pause', values));
        if (answer) {
            notify(roomSummary(answer, 'paused'), answer.refused.length ? 'info' : 'ok');
            await refreshSoon();
        }
    }

    async function resumeRoom() {
        try {
            const answer = await post(base + '/assessment-attempts/resume', {});
            notify(roomSummary(answer, 'resumed') + ' Each end moved by the time it stood paused.',
                answer.refused.length ? 'info' : 'ok');
        } catch (error) {
            notify(error.message, 'error');
        }
        await refreshSoon();
    }

    async function incident(chosen) {
        const against = chosen.length === 1 ? 'the test of ' + chosen[0].registrationNumber
            : 'the sitting (' + chosen.length + ' tests)';
        const recorded = await dialog({title: 'Record an incident', intro: 'Against ' + against + '.',
            submitLabel: 'Record incident', fields: [
                {name: 'kind', label: 'Kind of incident', type: 'select', required: true, value: 'DISRUPTION',
                    options: INCIDENT_KINDS},
                {name: 'description', label: 'What happened', type: 'textarea', required: true,
                    hint: 'Who was affected, what was done, for how long.'},
                {name: 'occurredAt', label: 'When it happened (UTC)', type: 'datetime-local', required: true,
                    value: nowPicker()}],
            submit: values => post(base + '/incidents', {kind: values.kind, description: values.description,
                occurredAt: values.occurredAt ? (values.occurredAt.length === 16 ? values.occurredAt + ':00'
                    : values.occurredAt) + 'Z' : null,
                attemptIds: chosen.map(attempt => attempt.attemptId)})});
        if (recorded) {
            notify('Incident recorded against ' + against + '.', 'ok');
        }
    }

    async function refreshSoon() {
        // the list is read from the read model, a moment behind the commands
        await new Promise(resolve => setTimeout(resolve, 700));
        await load();
    }

    page(container, 'Exam room',
        h('p', {class: 'lead'}, 'The tests running at your centre now. Pause one test or the whole room; a paused '
            + 'candidate\'s clock stands still, and their end moves by the time paused when you resume.'),
        section('The whole room', h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'danger', onclick: pauseRoom}, 'Pause all running tests'),
            h('button', {type: 'button', onclick: resumeRoom}, 'Resume all paused tests'),
            h('button', {type: 'button', class: 'secondary', onclick: () => attempts.length
                ? incident(attempts) : notify('No tests are running to record an incident against.', 'info')},
            'Record an incident for the sitting'),
            h('button', {type: 'button', class: 'secondary', onclick: load}, 'Refresh'))),
        section('Tests running now', status, list));
    await load();
    const timer = setInterval(() => {
        if (!document.body.contains(list)) {
            clearInterval(timer); // another page is shown now
        } else if (!document.hidden) {
            load();
        }
    }, REFRESH_EVERY_MS);
}

register({path: '/room', nav: 'Exam room', roles: ['INVIGILATOR'],
    summary: 'Pause and resume the tests running at your centre, and record incidents.', render: roomPage});
