// The qualification library: every qualification, and one qualification's units and assessments (questions per
// attempt, time allowed, pass mark). The API never sends items or answer keys, so neither can appear here.
import {get, put} from '../api.js';
import {details, flash, h, section, table} from '../ui.js';
import {act, awaitRead, enc, hubPage, isAdmin, readOrNotFound} from './hub-common.js';
import {go} from '../router.js';

export async function libraryPage(container) {
    const library = await get('/api/qualifications');
    hubPage(container, 'Qualifications',
        h('p', {class: 'lead'}, 'The qualification library: what centres may be approved to offer, and how each is '
            + 'assessed.'),
        table([
            {label: 'Code', value: q => h('a', {href: '#/qualifications/' + enc(q.code)}, q.code)},
            {label: 'Title', value: q => q.title},
            {label: 'Level', value: q => String(q.level), class: 'number'},
            {label: 'Units', value: q => String(q.units.length), class: 'number'},
            {label: 'Assessments', value: q => String(q.assessments.length), class: 'number'}
        ], library, 'The library is empty.'));
}

export async function qualificationPage(container, params) {
    const path = '/api/qualifications/' + enc(params.code);
    const qualification = await readOrNotFound(container, path, 'Qualification', '#/qualifications',
        'All qualifications');
    if (!qualification) {
        return;
    }
    const unitTitles = Object.fromEntries(qualification.units.map(unit => [unit.code, unit.title]));
    hubPage(container, qualification.title,
        h('p', {class: 'back'}, h('a', {href: '#/qualifications'}, 'All qualifications')),
        section('Qualification', details([['Code', qualification.code], ['Level', String(qualification.level)],
            ['Units', String(qualification.units.length)], ['Assessments', String(qualification.assessments.length)]])),
        section('Units', table([
            {label: 'Code', value: unit => h('span', {class: 'code'}, unit.code)},
            {label: 'Title', value: unit => unit.title}
        ], qualification.units, 'No units.')),
        section('Assessments',
            h('p', {class: 'hint'}, 'Each attempt draws its questions at random from the assessment\'s question bank.'),
            table([
                {label: 'Code', value: a => h('span', {class: 'code'}, a.code)},
                {label: 'Title', value: a => a.title},
                {label: 'Unit', value: a => h('span', {class: 'code'}, a.unitCode + (unitTitles[a.unitCode] ? '' : ' (unknown unit)'))},
                {label: 'Questions per attempt', value: a => String(a.questionCount), class: 'number'},
                {label: 'Questions in bank', value: a => a.itemBankSize === undefined || a.itemBankSize === null
                    ? '' : String(a.itemBankSize), class: 'number'},
                {label: 'Time allowed', value: a => a.durationMinutes + ' minutes', class: 'number'},
                {label: 'Pass mark', value: a => a.passPercent + '%', class: 'number'},
                ...(isAdmin() ? [{label: 'Action', value: a => h('button', {type: 'button', class: 'secondary small',
                    'aria-label': 'Change the pass mark of ' + a.code, onclick: () => changePassMark(path, qualification.code, a)},
                'Change pass mark')}] : [])
            ], qualification.assessments, 'No assessments.')));
}

async function changePassMark(path, code, assessment) {
    const done = await act({title: 'Change the pass mark of ' + assessment.code,
        intro: 'The new pass mark applies to attempts marked from now on.', submitLabel: 'Save pass mark', fields: [
            {name: 'passPercent', label: 'Pass mark (%)', type: 'number', required: true, value: assessment.passPercent,
                attrs: {min: 1, max: 100, step: 1, inputmode: 'numeric'}},
            {name: 'reason', label: 'Reason', type: 'textarea', required: true,
                hint: 'Kept in the audit trail with your PIN.'}]},
    values => put(path + '/assessments/' + enc(assessment.code) + '/pass-mark',
        {passPercent: Number(values.passPercent), reason: values.reason}));
    if (done) {
        const percent = Number(done.values.passPercent);
        await awaitRead(() => get(path), q => q.assessments.some(a => a.code === assessment.code
            && a.passPercent === percent));
        flash('The pass mark of ' + assessment.code + ' is now ' + percent + '%.', 'ok');
        go('/qualifications/' + code);
    }
}
