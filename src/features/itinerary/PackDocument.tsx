/**
 * The printed itinerary pack: plain HTML (no app controls) laid out by pack.css, for the screen
 * preview and for print. It shows only what `selectPack` selected; the words come from the fixed
 * `t` of the pack's language, never from the UI's current language.
 */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { stayNights } from '../../domain/duration';
import type { PackCase, PackContent, PackPerson, PackStay } from '../../domain/itinerary';
import { packDays, type DayEntry } from '../../domain/itinerary';
import { formatMoney, type Money } from '../../domain/money';
import type { IsoDate } from '../../domain/time';
import { formatDuration, formatZoned } from '../../domain/time-format';
import { PHRASE_KEYS, WRONG_STEP_KEYS } from './pack-text';

export interface PackDocumentProps {
  readonly content: PackContent;
  readonly t: TFunction;
  readonly language: string;
  readonly printDate: IsoDate;
  /** Contact lines the coordinator typed, in order. */
  readonly contacts: readonly string[];
  /** The static route map (SVG markup from the map feature's pure renderer) per case id. */
  readonly maps?: ReadonlyMap<string, string> | null;
}

function longDate(d: IsoDate, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${d}T00:00:00Z`));
}

function shortDate(d: IsoDate | null, language: string): string {
  if (!d) return '…';
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${d}T00:00:00Z`));
}

/** "Tue, Mar 2": an arrival on another day than the departure. */
function dayMonth(d: IsoDate, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${d}T00:00:00Z`));
}

function country(code: string | null, language: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function names(people: readonly PackPerson[]): string {
  return people.map((p) => p.codeName).join(', ');
}

/** Everyone to call: the coordinator's lines, each case's protection officer, each host in the pack. */
export function contactList(
  content: PackContent,
  typed: readonly string[],
  t: TFunction,
): string[] {
  const out = [...typed];
  for (const c of content.cases) {
    if (c.protectionOfficer)
      out.push(`${t('itinerary.print.protectionOfficer')}: ${c.protectionOfficer}`);
    for (const s of c.stays)
      if (s.host?.contactChannel)
        out.push(
          `${t('itinerary.print.hostContact', { host: s.host.codeName })}: ${s.host.contactChannel}`,
        );
  }
  return [...new Set(out)];
}

function Contacts({ list, t }: { list: readonly string[]; t: TFunction }) {
  if (list.length === 0) return <p className="pack-warning">{t('itinerary.print.noContacts')}</p>;
  return (
    <ul className="pack-contacts">
      {list.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function Cover(props: PackDocumentProps & { contactLines: readonly string[] }) {
  const { content, t, language, printDate, contactLines } = props;
  const travellers = content.cases.flatMap((c) => c.people);
  return (
    <section className="pack-cover">
      <p className="pack-kicker">
        {content.variant.kind === 'coordinator'
          ? t('itinerary.print.coordinatorCopy')
          : t('itinerary.print.travellerCopy', { people: names(travellers) })}
      </p>
      <h1>
        {t('itinerary.print.title')}: {content.cases.map((c) => c.codeName).join(', ')}
      </h1>
      <table className="pack-table pack-facts">
        <tbody>
          {content.cases.map((c) => (
            <tr key={c.caseId}>
              <th scope="row">{c.codeName}</th>
              <td>
                {c.plannedStart || c.plannedEnd
                  ? `${shortDate(c.plannedStart, language)} – ${shortDate(c.plannedEnd, language)}`
                  : t('itinerary.print.noDates')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="pack-muted">
        {t('itinerary.print.confidential')} · {t('itinerary.print.printed', { date: printDate })}
      </p>
      <h2>{t('itinerary.print.contacts')}</h2>
      <Contacts list={contactLines} t={t} />
      <h2>{t('itinerary.print.phrases')}</h2>
      <p className="pack-muted">{t('itinerary.print.phrasesHint')}</p>
      <table className="pack-table pack-phrases">
        <thead>
          <tr>
            <th scope="col">{t('itinerary.print.phraseCol')}</th>
            <th scope="col">{t('itinerary.print.localLanguage')}</th>
          </tr>
        </thead>
        <tbody>
          {PHRASE_KEYS.map((key) => (
            <tr key={key}>
              <td>{t(key)}</td>
              <td className="pack-write-in" />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LegRow({
  entry,
  t,
  language,
}: {
  entry: Extract<DayEntry, { kind: 'leg' }>;
  t: TFunction;
  language: string;
}) {
  const { leg, travellers, others } = entry.leg;
  const arrive = formatZoned(leg.arrive);
  return (
    <tr className="pack-leg">
      <td className="pack-times">
        <div className="pack-strong">
          {t('itinerary.print.departs', { time: formatZoned(leg.depart) })}
        </div>
        <div>{t('itinerary.print.arrives', { time: arrive })}</div>
        {entry.arrivesOn && (
          <div className="pack-strong">
            {t('itinerary.print.arrivesOn', { date: dayMonth(entry.arrivesOn, language) })}
          </div>
        )}
      </td>
      <td>
        <div className="pack-strong">
          {placeWithTerminal(leg.from.name, leg.departureTerminal, t)}
        </div>
        <div>→ {placeWithTerminal(leg.to.name, leg.arrivalTerminal, t)}</div>
      </td>
      <td>
        <div className="pack-strong">
          {[t(`itinerary.print.mode.${leg.mode}`), leg.carrier, leg.number]
            .filter(Boolean)
            .join(' · ')}
        </div>
        <div>
          {leg.bookingReference
            ? t('itinerary.print.booking', { ref: leg.bookingReference })
            : t('itinerary.print.noBooking')}
        </div>
        {leg.status === 'idea' && (
          <div className="pack-warning">{t('itinerary.print.notBooked')}</div>
        )}
      </td>
      <td>
        <div>{entry.durationMinutes === null ? '—' : formatDuration(entry.durationMinutes)}</div>
        {entry.connectionMinutes !== null && (
          <div className={entry.connectionElsewhere ? 'pack-warning' : undefined}>
            {t(
              entry.connectionElsewhere
                ? 'itinerary.print.connectionElsewhere'
                : 'itinerary.print.connection',
              { duration: formatDuration(entry.connectionMinutes) },
            )}
          </div>
        )}
      </td>
      <td>
        {names(travellers)}
        {others > 0 && ` ${t('itinerary.print.andOthers', { count: others })}`}
      </td>
    </tr>
  );
}

/** A leg's end with its terminal where known (records written before terminals have none). */
function placeWithTerminal(place: string, terminal: string | undefined, t: TFunction): string {
  return terminal ? t('itinerary.print.placeTerminal', { place, terminal }) : place;
}

function hostLabel(stay: PackStay, t: TFunction, language: string): string {
  if (!stay.host) return t('itinerary.print.unknownHost');
  return `${stay.host.codeName} (${stay.host.city}, ${country(stay.host.countryCode, language)})`;
}

function Days({ c, t, language }: { c: PackCase; t: TFunction; language: string }) {
  const days = packDays(c);
  if (days.length === 0) return <p>{t('itinerary.print.noLegs')}</p>;
  return (
    <>
      {days.map((day, i) => {
        const legs = day.entries.filter(
          (e): e is Extract<DayEntry, { kind: 'leg' }> => e.kind === 'leg',
        );
        const stays = day.entries.filter(
          (e): e is Exclude<DayEntry, { kind: 'leg' }> => e.kind !== 'leg',
        );
        return (
          <section key={day.date} className="pack-day" aria-label={longDate(day.date, language)}>
            <h3>
              {t('itinerary.print.day', { n: i + 1 })} · {longDate(day.date, language)} ·{' '}
              {c.codeName}
            </h3>
            {stays.map((e) => (
              <p key={`${e.kind}-${e.stay.stay.id}`} className="pack-stay-event">
                {e.kind === 'check-in'
                  ? t('itinerary.print.checkIn', { host: hostLabel(e.stay, t, language) })
                  : t('itinerary.print.checkOut', { host: hostLabel(e.stay, t, language) })}{' '}
                · {names(e.stay.people)}
              </p>
            ))}
            {legs.length > 0 && (
              <table className="pack-table pack-legs">
                <colgroup>
                  <col style={{ width: '31%' }} />
                  <col style={{ width: '19%' }} />
                  <col style={{ width: '22%' }} />
                  <col style={{ width: '13%' }} />
                  <col style={{ width: '15%' }} />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">{t('itinerary.print.time')}</th>
                    <th scope="col">{t('itinerary.print.route')}</th>
                    <th scope="col">{t('itinerary.print.travel')}</th>
                    <th scope="col">{t('itinerary.print.durationCol')}</th>
                    <th scope="col">{t('itinerary.print.who')}</th>
                  </tr>
                </thead>
                <tbody>
                  {legs.map((e) => (
                    <LegRow key={e.leg.leg.id} entry={e} t={t} language={language} />
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}

function Stays({ c, t, language }: { c: PackCase; t: TFunction; language: string }) {
  if (c.stays.length === 0) return <p>{t('itinerary.print.noStays')}</p>;
  return (
    <table className="pack-table">
      <thead>
        <tr>
          <th scope="col">{t('itinerary.print.host')}</th>
          <th scope="col">{t('itinerary.print.stayDates')}</th>
          <th scope="col">{t('itinerary.print.location')}</th>
          <th scope="col">{t('itinerary.print.people')}</th>
        </tr>
      </thead>
      <tbody>
        {c.stays.map((s) => (
          <tr key={s.stay.id}>
            <td>
              <div className="pack-strong">
                {s.host?.codeName ?? t('itinerary.print.unknownHost')}
              </div>
              {s.host?.contactChannel && (
                <div>
                  {t('itinerary.print.contact')}: {s.host.contactChannel}
                </div>
              )}
            </td>
            <td>
              {shortDate(s.stay.checkIn, language)} – {shortDate(s.stay.checkOut, language)}
              <div>{t('itinerary.print.nights', { count: stayNights(s.stay) })}</div>
            </td>
            <td>
              {s.host && (
                <>
                  {s.host.address && <div className="pack-strong">{s.host.address}</div>}
                  <div>
                    {s.host.city}, {country(s.host.countryCode, language)}
                  </div>
                  <div>
                    {s.host.coordinates
                      ? `${t('itinerary.print.coordinates', {
                          lat: s.host.coordinates.lat.toFixed(4),
                          lng: s.host.coordinates.lng.toFixed(4),
                        })}${s.host.approximate ? ` ${t('itinerary.print.approximate')}` : ''}`
                      : t('itinerary.print.redacted')}
                  </div>
                </>
              )}
            </td>
            <td>
              {names(s.people)}
              {s.others > 0 && ` ${t('itinerary.print.andOthers', { count: s.others })}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Documents({ c, t, language }: { c: PackCase; t: TFunction; language: string }) {
  return (
    <table className="pack-table">
      <thead>
        <tr>
          <th scope="col">{t('itinerary.print.person')}</th>
          <th scope="col">{t('itinerary.print.document')}</th>
          <th scope="col">{t('itinerary.print.visas')}</th>
        </tr>
      </thead>
      <tbody>
        {c.people.map((p) => {
          const doc = p.travelDocument;
          return (
            <tr key={p.id}>
              <td>
                <div className="pack-strong">
                  {p.codeName}
                  {p.minor && ` (${t('itinerary.print.minor')})`}
                </div>
                {p.legalName && <div>{t('itinerary.print.legalName', { name: p.legalName })}</div>}
              </td>
              <td>
                {doc ? (
                  <>
                    <div>
                      <span className="pack-box" aria-hidden />{' '}
                      {t(`itinerary.print.docType.${doc.type}`)}
                    </div>
                    <div>{t('itinerary.print.number', { number: doc.number })}</div>
                    <div>
                      {t('itinerary.print.expires', { date: shortDate(doc.expiry, language) })}
                      {doc.issuingCountry &&
                        ` · ${t('itinerary.print.issuedBy', { country: country(doc.issuingCountry, language) })}`}
                    </div>
                  </>
                ) : (
                  t('itinerary.print.noDocument')
                )}
              </td>
              <td>
                {p.visas.length === 0
                  ? t('itinerary.print.noVisas')
                  : p.visas.map((v, i) => (
                      <div key={i}>
                        <span className="pack-box" aria-hidden /> {country(v.country, language)}:{' '}
                        {t(`itinerary.print.visaType.${v.type}`)},{' '}
                        {t(`itinerary.print.visaStatus.${v.status}`)}
                        {(v.validFrom || v.validTo) &&
                          `, ${t('itinerary.print.visaValid', {
                            from: shortDate(v.validFrom, language),
                            to: shortDate(v.validTo, language),
                          })}`}
                      </div>
                    ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Budget({ c, t, language }: { c: PackCase; t: TFunction; language: string }) {
  if (!c.budget) return null;
  const list = (items: readonly Money[]) =>
    items.length === 0 ? '—' : items.map((m) => formatMoney(m, language)).join(' + ');
  return (
    <section className="pack-section">
      <h3>{t('itinerary.print.budget')}</h3>
      <table className="pack-table pack-facts">
        <tbody>
          <tr>
            <th scope="row">{t('itinerary.print.budgetPlanned')}</th>
            <td>{list(c.budget.planned)}</td>
          </tr>
          <tr>
            <th scope="row">{t('itinerary.print.budgetActual')}</th>
            <td>{list(c.budget.actual)}</td>
          </tr>
        </tbody>
      </table>
      <p className="pack-muted">{t('itinerary.print.budgetLines', { count: c.budget.lines })}</p>
    </section>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="pack-section">
      <h2>{title}</h2>
      {hint && <p className="pack-muted">{hint}</p>}
      {children}
    </section>
  );
}

export function PackDocument(props: PackDocumentProps) {
  const { content, t, language } = props;
  const contactLines = contactList(content, props.contacts, t);
  return (
    <article className="pack-document" lang={language} aria-label={t('itinerary.print.title')}>
      <Cover {...props} contactLines={contactLines} />
      {content.cases.map((c) => (
        <div key={c.caseId} className="pack-case">
          <section className="pack-section pack-itinerary">
            <h2>
              {t('itinerary.print.itinerary')} · {c.codeName}
            </h2>
            <p className="pack-muted">{t('itinerary.print.itineraryHint')}</p>
            {props.maps?.get(c.caseId) && (
              <figure
                className="pack-map"
                // Markup from renderRouteMapSvg: built from escaped labels, deterministic, no script.
                dangerouslySetInnerHTML={{ __html: props.maps.get(c.caseId) ?? '' }}
              />
            )}
          </section>
          <Days c={c} t={t} language={language} />
          <div className="pack-after-days">
            <Section title={`${t('itinerary.print.stays')} · ${c.codeName}`}>
              <Stays c={c} t={t} language={language} />
            </Section>
            <Section
              title={`${t('itinerary.print.documents')} · ${c.codeName}`}
              hint={t('itinerary.print.documentsHint')}
            >
              <Documents c={c} t={t} language={language} />
            </Section>
            <Budget c={c} t={t} language={language} />
          </div>
        </div>
      ))}
      <section className="pack-section pack-wrong">
        <h2>{t('itinerary.print.wrong')}</h2>
        <ol>
          {WRONG_STEP_KEYS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
        <h3>{t('itinerary.print.wrongContacts')}</h3>
        <Contacts list={contactLines} t={t} />
      </section>
    </article>
  );
}
