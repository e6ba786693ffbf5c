import { formattingLocale } from '@sg/i18n';
import { translatorFor } from '@sg/i18n/server';

type Translator = ReturnType<typeof translatorFor>;
import PDFDocument from 'pdfkit';
import { FontChain, PacketFace, packetFonts } from './packet-fonts';
import { textRuns } from './text-runs';
import { ClusterPacketContent, PacketContent } from './packet-content';

const MARGIN = 50;
/** Room below the text for the footer on every page. */
const FOOTER_SPACE = 40;
const INK = '#111111';
const MUTED = '#555555';

/**
 * Writes a referral packet as a PDF (pdfkit, DejaVu Sans embedded, with fallback fonts for the
 * scripts it lacks: packet-fonts.ts) in the staff member's
 * language and the organisation's time zone. Pages are buffered so each footer can say "Page n
 * of N" and who generated it when; the returned document is a readable stream of the PDF, ended.
 *
 * Order: what a recipient acts on first (facts, identifiers, evidence, takedowns, reports, linked
 * cases), then the timeline, which can run to many pages.
 */
export function renderReferralPacket(content: PacketContent): PDFKit.PDFDocument {
  const { doc, w } = startPacket(content, (t) => `${t.t('staff.packetDocument.title')} ${content.case.reference}`);
  w.title(content);
  w.caseSections(content);
  w.footers(content);
  doc.end();
  return doc;
}

/**
 * A packet from a cluster: a first page naming the shared identifier and the cases, then each
 * case's sections exactly as its own packet lays them out, each case from a new page. Contact
 * details never: the content carries none (ClusterPacketContent), and the writer is not asked.
 */
export function renderClusterReferralPacket(content: ClusterPacketContent): PDFKit.PDFDocument {
  const { doc, w } = startPacket(content, (t) => t.t('staff.packetDocument.clusterTitle'));
  w.clusterTitle(content);
  for (const packet of content.cases) {
    doc.addPage();
    w.caseHeading(packet);
    w.caseSections(packet);
  }
  w.footers(content);
  doc.end();
  return doc;
}

/** What every packet's pages share: who made it, when, for whom, in which language and zone. */
type PacketFrame = Pick<PacketContent, 'recipient' | 'language' | 'timeZone' | 'generatedAt' | 'generatedBy'>;

function startPacket(frame: PacketFrame, title: (t: Translator) => string): { doc: PDFKit.PDFDocument; w: PacketWriter } {
  const t = translatorFor(frame.language, frame.timeZone);
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    info: { Title: title(t), Author: frame.generatedBy, CreationDate: frame.generatedAt },
  });
  const w = new PacketWriter(
    doc,
    t,
    packetFonts(),
    new Intl.DateTimeFormat(formattingLocale(frame.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: frame.timeZone }),
  );
  return { doc, w };
}

type Style = 'regular' | 'bold';

class PacketWriter {
  private readonly width: number;
  /** Faces registered with this document so far: a fallback only once a run needs it. */
  private readonly registered = new Set<string>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly t: Translator,
    private readonly fonts: Record<Style, FontChain>,
    /** One formatter for the whole packet: making one per date cost more than laying out the text. */
    private readonly dates: Intl.DateTimeFormat,
  ) {
    this.width = doc.page.width - MARGIN * 2;
  }

  private use(face: PacketFace): void {
    if (!this.registered.has(face.name)) {
      this.doc.registerFont(face.name, face.font);
      this.registered.add(face.name);
    }
    this.doc.font(face.name);
  }

  /**
   * `doc.text` for any script: the text goes in runs (text-runs.ts), each in the first face of the
   * style's chain that has its glyphs, chained with pdfkit's `continued` so lines still wrap as one.
   */
  private write(text: string, style: Style, x?: number, y?: number, options: PDFKit.Mixins.TextOptions = {}): void {
    const runs = textRuns(text, this.fonts[style]);
    runs.forEach((run, i) => {
      this.use(run.face);
      const opts = i < runs.length - 1 ? { ...options, continued: true } : options;
      // Options in second place when there is no position: pdfkit reads an undefined x as "no options".
      if (i === 0 && (x !== undefined || y !== undefined)) this.doc.text(run.text, x, y, opts);
      else this.doc.text(run.text, opts);
    });
  }

  private k(key: string, params?: Record<string, string | number>): string {
    return this.t.t(`staff.packetDocument.${key}`, params);
  }

  private label(group: string, value: string): string {
    const key = `staff.labels.${group}.${value}`;
    return this.t.has(key) ? this.t.t(key) : value;
  }

  private when(at: Date | string | null): string {
    return at ? this.dates.format(new Date(at)) : this.t.t('staff.labels.notKnown');
  }

  private yesNo(value: boolean | null): string {
    return this.t.t(value === null ? 'staff.labels.notKnown' : value ? 'staff.labels.yes' : 'staff.labels.no');
  }

  private heading(text: string): void {
    this.doc.moveDown(0.8).fontSize(13).fillColor(INK);
    this.write(text, 'bold', MARGIN, undefined, { width: this.width });
    this.doc.moveDown(0.3);
  }

  private line(text: string, options: { bold?: boolean; muted?: boolean; size?: number; indent?: number } = {}): void {
    this.doc.fontSize(options.size ?? 10).fillColor(options.muted ? MUTED : INK);
    this.write(text, options.bold ? 'bold' : 'regular', MARGIN + (options.indent ?? 0), undefined, { width: this.width - (options.indent ?? 0) });
  }

  private field(label: string, value: string): void {
    this.doc.fontSize(10).fillColor(INK);
    this.write(`${label}: `, 'bold', MARGIN, undefined, { continued: true, width: this.width });
    this.write(value, 'regular');
  }

  /** A case's own sections, in the order a recipient acts on them; contact details only when the content holds them. */
  caseSections(content: PacketContent): void {
    this.summary(content);
    this.facts(content);
    if (content.contact) this.contact(content.contact);
    this.identifiers(content);
    this.evidence(content);
    this.takedowns(content);
    this.reports(content);
    this.linked(content);
    this.timeline(content);
  }

  clusterTitle(content: ClusterPacketContent): void {
    this.doc.fontSize(20).fillColor(INK);
    this.write(this.k('title'), 'bold', MARGIN, MARGIN, { width: this.width });
    this.line(this.k('clusterLine'), { bold: true, size: 13 });
    this.line(this.k('recipientLine', { recipient: this.k(`recipients.${content.recipient}`) }), { size: 12 });
    this.doc.moveDown(0.5);
    this.line(this.k('confidential'), { bold: true, size: 9 });
    this.line(this.k('intro'), { muted: true, size: 9 });
    this.line(this.k('clusterNoContact'), { muted: true, size: 9 });
    this.heading(this.k('clusterIdentifier'));
    this.field(this.t.t(`staff.identifiers.kinds.${content.identifier.kind}`), content.identifier.value);
    this.field(this.k('clusterCaseCount'), String(content.caseCount));
    this.heading(this.k('clusterCases'));
    for (const c of content.cases)
      this.line(
        `${c.case.reference} · ${this.label('priority', c.case.priority)} · ${this.label('caseStatus', c.case.status)} · ${c.facts.country} · ${this.when(c.case.createdAt)}`,
      );
    if (content.casesLeftOut > 0) this.line(this.k('clusterLeftOut', { n: content.casesLeftOut }), { muted: true, size: 9 });
  }

  /** Where a case begins in a cluster's packet. */
  caseHeading(content: PacketContent): void {
    this.doc.fontSize(16).fillColor(INK);
    this.write(this.k('caseLine', { reference: content.case.reference }), 'bold', MARGIN, MARGIN, { width: this.width });
  }

  title(content: PacketContent): void {
    this.doc.fontSize(20).fillColor(INK);
    this.write(this.k('title'), 'bold', MARGIN, MARGIN, { width: this.width });
    this.line(this.k('caseLine', { reference: content.case.reference }), { bold: true, size: 13 });
    this.line(this.k('recipientLine', { recipient: this.k(`recipients.${content.recipient}`) }), { size: 12 });
    this.doc.moveDown(0.5);
    this.line(this.k('confidential'), { bold: true, size: 9 });
    this.line(this.k('intro'), { muted: true, size: 9 });
  }

  summary(content: PacketContent): void {
    this.heading(this.k('summary'));
    this.field(this.k('status'), this.label('caseStatus', content.case.status));
    this.field(this.k('priority'), this.label('priority', content.case.priority));
    this.field(this.k('openedAt'), this.when(content.case.createdAt));
  }

  facts(content: PacketContent): void {
    const f = content.facts;
    const label = (key: string) => this.t.t(`staff.case.facts.${key}`);
    this.heading(this.k('facts'));
    this.field(label('filledBy'), this.label('submitter', f.submittedBy));
    this.field(label('channel'), this.label('intakeChannel', f.channel));
    this.field(label('age'), this.label('ageBand', f.ageBand));
    this.field(label('contentMadeUnder18'), this.yesNo(f.contentMadeUnder18));
    this.field(label('country'), f.country);
    this.field(label('selfHarm'), this.label('selfHarm', f.selfHarm));
    this.field(label('immediateDanger'), this.yesNo(f.immediateDanger));
    this.field(label('deadline'), f.deadlineAt ? this.when(f.deadlineAt) : this.t.t('staff.labels.notGiven'));
    this.field(label('askingFor'), f.demands.length ? f.demands.map((d) => this.label('demand', d)).join(', ') : this.t.t('staff.labels.notGiven'));
    this.field(label('contentPosted'), this.label('contentPosted', f.contentPosted));
    this.field(label('stillInContact'), this.yesNo(f.stillInContact));
    this.field(label('paid'), this.yesNo(f.paid));
    if (f.platforms.length) {
      this.doc.moveDown(0.3);
      this.line(label('platforms'), { bold: true });
      for (const p of f.platforms) this.line([p.platform, p.offenderHandle, p.profileUrl].filter(Boolean).join(' · '), { indent: 12 });
    }
    if (f.contentUrls.length) {
      this.doc.moveDown(0.3);
      this.line(label('contentUrls'), { bold: true });
      for (const url of f.contentUrls) this.line(url, { indent: 12 });
    }
    this.doc.moveDown(0.3);
    if (content.recipient === 'platform') {
      this.line(this.k('platformOmitted'), { muted: true, size: 9 });
    } else if (f.narrative) {
      this.line(label('narrative'), { bold: true });
      this.line(f.narrative, { indent: 12 });
    }
  }

  contact(contact: NonNullable<PacketContent['contact']>): void {
    this.heading(this.k('contact'));
    this.line(this.k('contactHint'), { muted: true, size: 9 });
    this.line(this.k('contactChannel', { channel: this.label('contactChannel', contact.channel) }));
    if (contact.value) this.line(this.k('contactValue', { value: contact.value }));
    if (contact.safeTimes) this.line(this.k('safeTimes', { times: contact.safeTimes }));
    this.line(this.k('mentionOrganisation', { answer: this.yesNo(contact.canMentionOrganisation) }));
  }

  identifiers(content: PacketContent): void {
    this.heading(this.k('identifiers'));
    if (!content.identifiers.length) return this.line(this.k('identifiersEmpty'), { muted: true });
    for (const i of content.identifiers) this.field(this.t.t(`staff.identifiers.kinds.${i.kind}`), i.value);
  }

  evidence(content: PacketContent): void {
    this.heading(this.k('evidence'));
    if (!content.evidence.length) return this.line(this.k('evidenceEmpty'), { muted: true });
    content.evidence.forEach((e, index) => {
      this.doc.moveDown(0.3);
      this.line(this.k('evidenceHeading', { n: index + 1, kind: this.label('evidenceKind', e.kind), at: this.when(e.addedAt), name: e.addedBy }), {
        bold: true,
      });
      this.line(e.description, { indent: 12 });
      if (e.seenAt) this.line(this.k('seenAt', { at: this.when(e.seenAt) }), { indent: 12 });
      if (e.platform) this.line(this.k('platform', { platform: e.platform }), { indent: 12 });
      if (e.offenderHandle) this.line(this.k('handle', { handle: e.offenderHandle }), { indent: 12 });
      if (e.profileUrl) this.line(this.k('profileUrl', { url: e.profileUrl }), { indent: 12 });
      if (e.paymentReference) this.line(this.k('paymentReference', { reference: e.paymentReference }), { indent: 12 });
      if (e.sha256) this.line(this.k('sha256', { file: e.fileName ?? this.k('aFile'), hash: e.sha256 }), { indent: 12, size: 9 });
    });
  }

  takedowns(content: PacketContent): void {
    this.heading(this.k('takedowns'));
    if (!content.takedowns.length) return this.line(this.k('takedownsEmpty'), { muted: true });
    for (const d of content.takedowns) {
      this.doc.moveDown(0.2);
      this.line(
        this.k('takedownLine', {
          platform: d.platform,
          target: d.target,
          channel: this.label('takedownChannel', d.channel),
          status: this.label('takedownStatus', d.status),
        }),
        { bold: true },
      );
      this.line(d.ticketNumber ? this.k('ticket', { ticket: d.ticketNumber }) : this.k('noTicket'), { indent: 12 });
      if (d.submittedAt) this.line(this.k('submittedAt', { at: this.when(d.submittedAt) }), { indent: 12 });
      if (d.removedAt) this.line(this.k('removedAt', { at: this.when(d.removedAt) }), { indent: 12 });
    }
  }

  reports(content: PacketContent): void {
    this.heading(this.k('reports'));
    if (!content.reports.length) return this.line(this.k('reportsEmpty'), { muted: true });
    for (const r of content.reports) {
      this.doc.moveDown(0.2);
      this.line(
        this.k('reportLine', { agency: r.agencyName, kind: this.label('reportAgencyKind', r.agencyKind), status: this.label('reportStatus', r.status) }),
        { bold: true },
      );
      this.line(r.referenceNumber ? this.k('referenceNumber', { reference: r.referenceNumber }) : this.k('noReference'), { indent: 12 });
      if (r.filedAt) this.line(this.k('filedAt', { at: this.when(r.filedAt) }), { indent: 12 });
    }
  }

  linked(content: PacketContent): void {
    this.heading(this.k('linked'));
    if (!content.linkedCases.length) return this.line(this.k('linkedEmpty'), { muted: true });
    for (const c of content.linkedCases) this.line(this.k('linkedLine', { reference: c.reference, reason: c.reason }));
  }

  timeline(content: PacketContent): void {
    this.heading(this.k('timeline'));
    if (content.timelineOmitted > 0) this.line(this.k('timelineOmitted', { n: content.timelineOmitted }), { muted: true, size: 9 });
    if (!content.timeline.length) return this.line(this.k('timelineEmpty'), { muted: true });
    for (const e of content.timeline) {
      this.doc.fontSize(9).fillColor(INK);
      this.write(`${this.when(e.at)}  `, 'bold', MARGIN, undefined, { continued: true, width: this.width });
      this.write(e.summary, 'regular');
    }
  }

  /**
   * One line centred on the page, placed run by run: pdfkit would centre each `continued` run on
   * its own. Measured per face, so a name in another script is centred too.
   */
  private centred(text: string, y: number): void {
    const runs = textRuns(text, this.fonts.regular);
    const widthOf = (run: (typeof runs)[number]) => {
      this.use(run.face);
      return this.doc.widthOfString(run.text);
    };
    let x = MARGIN + Math.max(0, (this.width - runs.reduce((sum, run) => sum + widthOf(run), 0)) / 2);
    for (const run of runs) {
      const width = widthOf(run);
      this.doc.text(run.text, x, y, { lineBreak: false });
      x += width;
    }
  }

  /** Who generated the packet and when, and the page, at the foot of every page. */
  footers(content: PacketFrame): void {
    const range = this.doc.bufferedPageRange();
    const at = `${this.when(content.generatedAt)} (${content.timeZone})`;
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      // Below the bottom margin: without this pdfkit would start a new page for the footer.
      this.doc.page.margins.bottom = 0;
      this.doc.fontSize(8).fillColor(MUTED);
      this.centred(this.k('footer', { name: content.generatedBy, at, page: i - range.start + 1, pages: range.count }), this.doc.page.height - MARGIN);
    }
  }
}
