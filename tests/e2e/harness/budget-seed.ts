/**
 * Seeds a vault with one case whose budget mixes two currencies (issue 12's end-to-end tests): a
 * principal with a legal name and a minor, a host with coordinates and a contact address, a
 * 30-night stay, a flight paid in USD, per diem rates with a child amount, a USD→EUR rate, and a
 * manual legal line. Returns the case id and the strings that must never appear in an export.
 */
import { KDF_FLOOR, newId, vault, type AnyWriteOp } from '../../../src/storage';

export const BUDGET_SEED = {
  legalName: 'Nino Beridze',
  childLegalName: 'Luka Beridze',
  hostAddress: 'Prinsengracht 263',
  lat: '52.37519',
  lng: '4.88395',
};

export async function seedBudget(passphrase: string): Promise<{ caseId: string }> {
  await vault.createVault(passphrase, { kdfParams: KDF_FLOOR });
  const at = '2026-12-01T10:00:00.000Z';
  const meta = { createdAt: at, updatedAt: at };
  const caseId = newId();
  const principal = newId();
  const child = newId();
  const hostId = newId();
  const ops: AnyWriteOp[] = [
    {
      op: 'put',
      store: 'cases',
      value: {
        id: caseId,
        codeName: 'Cedar',
        status: 'planning',
        referralSource: 'defender',
        riskLevel: 'high',
        plannedStart: '2027-01-10',
        plannedEnd: '2027-02-09',
        reportingCurrency: 'EUR',
        funder: 'Lifeline Fund',
        grantCode: 'LF-27-01',
        ...meta,
      },
    },
    {
      op: 'put',
      store: 'people',
      value: {
        id: principal,
        caseId,
        codeName: 'Cedar',
        legalName: BUDGET_SEED.legalName,
        role: 'principal',
        relationship: 'self',
        dateOfBirth: '1984-05-02',
        ...meta,
      },
    },
    {
      op: 'put',
      store: 'people',
      value: {
        id: child,
        caseId,
        codeName: 'Acorn',
        legalName: BUDGET_SEED.childLegalName,
        role: 'dependant',
        relationship: 'child',
        dateOfBirth: '2016-09-12',
        ...meta,
      },
    },
    {
      op: 'put',
      store: 'hosts',
      value: {
        id: hostId,
        codeName: 'Harbour House',
        type: 'host_organisation',
        city: 'Amsterdam',
        countryCode: 'NL',
        lat: Number(BUDGET_SEED.lat),
        lng: Number(BUDGET_SEED.lng),
        approximate: false,
        capacityBeds: 4,
        nightlyCost: { amount: 6000, currency: 'EUR' },
        contactChannel: BUDGET_SEED.hostAddress,
        ...meta,
      },
    },
    {
      op: 'put',
      store: 'stays',
      value: {
        id: newId(),
        caseId,
        hostId,
        checkIn: '2027-01-10',
        checkOut: '2027-02-09',
        personIds: [principal, child],
        ...meta,
      },
    },
    {
      op: 'put',
      store: 'legs',
      value: {
        id: newId(),
        caseId,
        mode: 'flight',
        from: {
          name: 'Tbilisi',
          countryCode: 'GE',
          lat: 41.7151,
          lng: 44.8271,
          zone: 'Asia/Tbilisi',
        },
        to: {
          name: 'Amsterdam',
          countryCode: 'NL',
          lat: 52.3676,
          lng: 4.9041,
          zone: 'Europe/Amsterdam',
        },
        depart: { local: '2027-01-10T04:35', zone: 'Asia/Tbilisi' },
        arrive: { local: '2027-01-10T09:20', zone: 'Europe/Amsterdam' },
        number: 'TK1951',
        travellerIds: [principal, child],
        status: 'booked',
        cost: { amount: 45000, currency: 'USD' },
        ...meta,
      },
    },
    {
      op: 'put',
      store: 'perDiemRates',
      value: {
        id: newId(),
        countryCode: 'NL',
        city: null,
        amount: 4000,
        childAmount: 2000,
        currency: 'EUR',
        validFrom: '2026-01-01',
        ...meta,
      },
    },
    {
      op: 'put',
      store: 'exchangeRates',
      value: {
        id: newId(),
        from: 'USD',
        to: 'EUR',
        rate: '0.9213',
        asOf: '2027-01-01',
        source: 'ECB',
        ...meta,
      },
    },
    {
      op: 'put',
      store: 'budgetLines',
      value: {
        id: newId(),
        caseId,
        category: 'legal',
        description: 'Asylum lawyer consultation',
        quantity: 2,
        unitAmount: 15000,
        currency: 'EUR',
        kind: 'planned',
        date: '2027-01-20',
        payee: 'Law office',
        funder: 'Lifeline Fund',
        grantCode: 'LF-27-01',
        origin: 'manual',
        ...meta,
      },
    },
  ];
  await vault.transaction(ops);
  vault.lock();
  return { caseId };
}
