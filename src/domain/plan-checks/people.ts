/**
 * People checks: a travel document missing for someone who crosses a border or expiring too soon
 * after the return; a visa not granted before the first leg into its country, not valid on entry,
 * or ending before the stay there ends.
 */
import type { Finding, Severity } from './types';
import { legLabel, personName, travellers, type PlanCheck, type PlanContext } from './context';
import { assertNever } from '../assert';
import { addMonths, daysBetween, localDateOf, type IsoDate } from '../time';

function checkDocuments(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const { crossing, any } = travellers(ctx);
  for (const person of ctx.input.people) {
    // Someone whose legs all stay inside one country needs no travel document for this plan;
    // someone without legs yet is checked, because their route is not known.
    if (any.has(person.id) && !crossing.has(person.id)) continue;
    const doc = person.travelDocument;
    if (!doc) {
      if (crossing.has(person.id)) {
        out.push({
          severity: 'error',
          code: 'document_missing',
          message: `${person.codeName} crosses a border but has no travel document recorded. Add the passport or travel document.`,
          params: { person: person.codeName },
          fix: { entity: 'people', id: person.id, field: 'travelDocument' },
        });
      }
      continue;
    }
    if (!ctx.end) continue;
    const required = addMonths(ctx.end, ctx.docMonths);
    if (doc.expiry >= required) continue;
    const params = {
      person: person.codeName,
      expiry: doc.expiry,
      returnDate: ctx.end,
      requiredUntil: required,
      months: ctx.docMonths,
    };
    out.push({
      severity: doc.expiry < ctx.end ? 'error' : 'warning',
      code: 'document_expires_too_soon',
      message:
        doc.expiry < ctx.end
          ? `${person.codeName}'s travel document expires on ${doc.expiry}, before the return on ${ctx.end}. Renew it before travel.`
          : `${person.codeName}'s travel document expires on ${doc.expiry}, less than ${ctx.docMonths} months after the return on ${ctx.end} (valid until ${required} needed). Renew it or check the entry rules.`,
      params,
      fix: { entity: 'people', id: person.id, field: 'travelDocument.expiry' },
    });
  }
  return out;
}

function checkVisas(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const visa of ctx.input.visas) {
    const person = personName(ctx, visa.personId);
    const entry = ctx.legsByPerson
      .get(visa.personId)
      ?.find(
        (li) => li.leg.to.countryCode === visa.country && li.leg.from.countryCode !== visa.country,
      );
    if (!entry) continue;
    const departDate = localDateOf(entry.leg.depart.local);
    const arriveDate = localDateOf(entry.leg.arrive.local);
    switch (visa.status) {
      case 'not_needed':
        break;
      case 'to_apply':
      case 'applied':
      case 'refused': {
        const daysLeft = daysBetween(ctx.input.today, departDate);
        const severity: Severity =
          visa.status === 'refused' || daysLeft <= ctx.urgentDays ? 'error' : 'warning';
        const state =
          visa.status === 'refused'
            ? 'was refused'
            : visa.status === 'applied'
              ? 'is applied for but not granted'
              : 'is not applied for yet';
        out.push({
          severity,
          code: 'visa_not_granted',
          message: `${person}'s visa for ${visa.country} ${state}, and ${legLabel(entry.leg)} departs on ${departDate}${daysLeft >= 0 ? ` (in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'})` : ''}. ${visa.status === 'refused' ? 'Plan another route or destination.' : 'Get the visa granted or move the leg.'}`,
          params: {
            person,
            country: visa.country,
            status: visa.status,
            departDate,
            daysLeft,
            leg: legLabel(entry.leg),
          },
          fix: { entity: 'visas', id: visa.id, field: 'status' },
        });
        break;
      }
      case 'granted': {
        if (
          (visa.validFrom && arriveDate < visa.validFrom) ||
          (visa.validTo && arriveDate > visa.validTo)
        ) {
          out.push({
            severity: 'error',
            code: 'visa_not_valid_on_entry',
            message: `${person}'s visa for ${visa.country} is valid ${visa.validFrom ?? '…'} to ${visa.validTo ?? '…'}, but they arrive on ${arriveDate}. Move the leg or correct the visa dates.`,
            params: {
              person,
              country: visa.country,
              arriveDate,
              validFrom: visa.validFrom ?? '',
              validTo: visa.validTo ?? '',
            },
            fix: {
              entity: 'visas',
              id: visa.id,
              field: visa.validFrom && arriveDate < visa.validFrom ? 'validFrom' : 'validTo',
            },
          });
          break;
        }
        if (visa.validTo) {
          let lastNight: IsoDate | null = null;
          for (const s of ctx.input.stays) {
            const h = ctx.hosts.get(s.hostId);
            if (
              h?.countryCode === visa.country &&
              s.personIds.includes(visa.personId) &&
              (!lastNight || s.checkOut > lastNight)
            )
              lastNight = s.checkOut;
          }
          if (lastNight && lastNight > visa.validTo) {
            out.push({
              severity: 'warning',
              code: 'visa_expires_during_stay',
              message: `${person}'s visa for ${visa.country} ends on ${visa.validTo}, before their stay there ends on ${lastNight}. Apply for a renewal or shorten the stay.`,
              params: { person, country: visa.country, validTo: visa.validTo, stayEnd: lastNight },
              fix: { entity: 'visas', id: visa.id, field: 'validTo' },
            });
          }
        }
        break;
      }
      default:
        assertNever(visa.status, 'visa status');
    }
  }
  return out;
}

export const PEOPLE_CHECKS: readonly PlanCheck[] = [
  { id: 'documents', area: 'people', run: checkDocuments },
  { id: 'visas', area: 'people', run: checkVisas },
];
