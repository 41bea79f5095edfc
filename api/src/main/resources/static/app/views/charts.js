// Charts for the reports, drawn with uPlot (served by the application under /webjars). A chart is a picture for
// sighted readers: it carries role="img" and a one-sentence summary, and the table beside it holds every figure.
import {h} from '../ui.js';

const UPLOT = '/webjars/uplot/1.6.30/dist/';
const COLOURS = ['#4b2a85', '#c26a00', '#1f6f8b', '#14673a'];
const LINE_COLOUR = '#a4122a';
const HEIGHT = 260;
const DAY = 86400;
const INTEGER_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];
const DATE = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC'});
let loading = null;

/** Loads uPlot's script and stylesheet once; answers the uPlot constructor. */
function uPlotLoaded() {
    if (window.uPlot) {
        return Promise.resolve(window.uPlot);
    }
    if (!loading) {
        loading = new Promise((resolve, reject) => {
            if (!document.querySelector('link[data-uplot]')) {
                document.head.append(h('link', {rel: 'stylesheet', href: UPLOT + 'uPlot.min.css', 'data-uplot': true}));
            }
            const script = h('script', {src: UPLOT + 'uPlot.iife.min.js'});
            script.addEventListener('load', () => resolve(window.uPlot));
            script.addEventListener('error', () => {
                loading = null;
                reject(new Error('The chart library could not be loaded; the table below has every figure.'));
            });
            document.head.append(script);
        });
    }
    return loading;
}

/** A figure with a caption and the chart area; the chart is drawn once the figure is on the page. */
function figure(title, summary, draw) {
    const area = h('div', {class: 'chart', role: 'img', 'aria-label': title + '. ' + summary});
    const holder = h('figure', {class: 'chart-figure'}, h('figcaption', {}, title), area);
    uPlotLoaded().then(uPlot => whenShown(area, () => {
        const plot = new uPlot(draw(uPlot, width(area)), draw.data, area);
        const resize = new ResizeObserver(() => {
            if (!area.isConnected) {
                resize.disconnect();
                plot.destroy();
                return;
            }
            const wanted = width(area);
            if (Math.abs(wanted - plot.width) > 4) {
                plot.setSize({width: wanted, height: HEIGHT});
            }
        });
        resize.observe(area);
    })).catch(error => area.replaceWith(h('p', {class: 'message info'}, error.message)));
    return holder;
}

function width(area) {
    return Math.max(260, Math.floor(area.clientWidth - 16));
}

function whenShown(element, callback) {
    if (element.isConnected && element.clientWidth > 0) {
        callback();
    } else {
        requestAnimationFrame(() => whenShown(element, callback));
    }
}

function shortLabel(text) {
    const value = String(text ?? '');
    return value.length > 16 ? value.substring(0, 15) + '…' : value;
}

/**
 * Bars per category: spec {title, summary, labels: [text], bars: [{label, values}], lines: [{label, values}]
 * (drawn across the same categories, e.g. a national figure), yLabel, max (fixed top of the scale, e.g. 100),
 * integer (counts: whole steps on the scale)}.
 * Several bar series stand side by side in each category.
 */
export function barChart(spec) {
    const count = spec.labels.length;
    const xs = spec.labels.map((label, index) => index);
    const bars = spec.bars || [];
    const lines = spec.lines || [];
    const groupWidth = 0.7;
    const pad = Math.max(0, (4 - count) / 2);
    const draw = (uPlot, chartWidth) => ({
        width: chartWidth,
        height: HEIGHT,
        cursor: {show: false},
        legend: {show: bars.length + lines.length > 1, live: false},
        scales: {
            // a few categories keep slim bars: the scale spans at least four
            x: {time: false, range: () => [-0.6 - pad, count - 0.4 + pad]},
            y: {range: (plot, min, max) => [0, spec.max ?? Math.max(1, Math.ceil((max || 0) * 1.15))]}
        },
        axes: [
            {splits: () => xs, values: (plot, splits) => splits.map(index => shortLabel(spec.labels[index])),
                rotate: count > 6 ? -30 : 0, size: count > 6 ? 70 : 40, grid: {show: false}},
            {label: spec.yLabel, size: 56, ...(spec.integer ? {incrs: INTEGER_STEPS} : {})}
        ],
        series: [{},
            ...bars.map((bar, index) => ({
                label: bar.label, fill: COLOURS[index % COLOURS.length], stroke: COLOURS[index % COLOURS.length],
                width: 0, points: {show: false},
                paths: uPlot.paths.bars({disp: {
                    x0: {unit: 1, values: () => xs.map(x => x - groupWidth / 2 + index * groupWidth / bars.length)},
                    size: {unit: 1, values: () => xs.map(() => groupWidth / bars.length * 0.92)}}})
            })),
            ...lines.map(line => ({label: line.label, stroke: LINE_COLOUR, width: 2, dash: [8, 4],
                points: {show: true, size: 7, fill: LINE_COLOUR}}))]
    });
    draw.data = [xs, ...bars.map(bar => bar.values.map(value => value ?? null)),
        ...lines.map(line => line.values.map(value => value ?? null))];
    return figure(spec.title, spec.summary, draw);
}

/**
 * A line over calendar days: spec {title, summary, days: ['YYYY-MM-DD'], series: [{label, values}], yLabel,
 * integer}. The scale spans at least a fortnight, so that a few days close together still read as dates.
 */
export function lineChart(spec) {
    const xs = spec.days.map(date => Date.parse(date + 'T00:00:00Z') / 1000);
    const fortnight = 14 * DAY;
    const first = Math.min(...xs);
    const last = Math.max(...xs);
    const margin = Math.max(DAY, (fortnight - (last - first)) / 2);
    const span = [first - margin, last + margin];
    const draw = (uPlot, chartWidth) => ({
        width: chartWidth,
        height: HEIGHT,
        cursor: {show: false},
        legend: {show: spec.series.length > 1, live: false},
        tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: {
            x: {time: true, range: () => span},
            y: {range: (plot, min, max) => [0, Math.max(1, Math.ceil((max || 0) * 1.15))]}
        },
        axes: [
            {incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY], space: 70,
                values: (plot, splits) => splits.map(seconds => DATE.format(new Date(seconds * 1000)))},
            {label: spec.yLabel, size: 56, ...(spec.integer ? {incrs: INTEGER_STEPS} : {})}
        ],
        series: [{}, ...spec.series.map((line, index) => ({label: line.label, stroke: COLOURS[index % COLOURS.length],
            width: 2, points: {show: true, size: 7, fill: COLOURS[index % COLOURS.length]},
            paths: uPlot.paths.stepped({align: 1})}))]
    });
    draw.data = [xs, ...spec.series.map(line => line.values)];
    return figure(spec.title, spec.summary, draw);
}
