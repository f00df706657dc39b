/** Money in integer minor units: parsing, formatting, arithmetic and conversion without floats. */
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  convertMoney,
  currency,
  currencyDigits,
  formatMoney,
  isCurrencyCode,
  money,
  moneyErrorMessage,
  multiplyMoney,
  parseAmount,
  sumMoney,
  toDecimalString,
  type DecimalString,
} from '../../../src/domain/money';

const EUR = currency('EUR');
const JPY = currency('JPY');
const KWD = currency('KWD');

describe('currencies', () => {
  it('Given ISO 4217 codes, When asking digits, Then JPY has 0, EUR 2, KWD 3, CLF 4', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits('CLF')).toBe(4);
  });
  it('Given codes that are not money, When validated, Then they are refused', () => {
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('XAU')).toBe(false);
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(isCurrencyCode('USD')).toBe(true);
    expect(() => currency('EURO')).toThrow();
  });
});

describe('parseAmount', () => {
  it('Given "1,250.75" in EUR, When parsed, Then it is 125075 minor units', () => {
    expect(parseAmount('1,250.75', EUR)).toEqual({ ok: true, value: 125075 });
  });
  it('Given "1 250,75" with a comma decimal separator, When parsed, Then it is 125075', () => {
    expect(parseAmount('1 250,75', EUR, { decimalSeparator: ',' })).toEqual({
      ok: true,
      value: 125075,
    });
  });
  it('Given "0.1" and "0.2" style amounts, When parsed, Then no float error appears', () => {
    expect(parseAmount('0.29', EUR)).toEqual({ ok: true, value: 29 });
    expect(parseAmount('1.005', KWD)).toEqual({ ok: true, value: 1005 });
  });
  it('Given decimals for JPY, When parsed, Then it asks for a whole number', () => {
    const r = parseAmount('1200.5', JPY);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(moneyErrorMessage(r.error, JPY)).toBe('JPY has no decimals; enter a whole number');
    expect(parseAmount('¥1200', JPY)).toEqual({ ok: true, value: 1200 });
  });
  it('Given text that is not a number, When parsed, Then it is refused with a hint', () => {
    expect(parseAmount('12a3', EUR).ok).toBe(false);
    expect(parseAmount('1.2.3', EUR).ok).toBe(false);
    expect(parseAmount('', EUR)).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseAmount('-5', EUR)).toEqual({ ok: false, error: { code: 'negative' } });
    expect(parseAmount('-5', EUR, { allowNegative: true })).toEqual({ ok: true, value: -500 });
  });
  it('Given a huge number, When parsed, Then it is refused as too large', () => {
    expect(parseAmount('99999999999999999999', EUR)).toEqual({
      ok: false,
      error: { code: 'too_large' },
    });
  });
});

describe('format and arithmetic', () => {
  it('Given minor units, When written as decimal text, Then digits follow the currency', () => {
    expect(toDecimalString(123456, 'EUR')).toBe('1234.56');
    expect(toDecimalString(5, 'EUR')).toBe('0.05');
    expect(toDecimalString(1200, 'JPY')).toBe('1200');
    expect(toDecimalString(-5, 'KWD')).toBe('-0.005');
  });
  it('Given money, When formatted in English, Then it shows symbol and exact digits', () => {
    expect(formatMoney(money(123456, 'EUR'))).toBe('€1,234.56');
    expect(formatMoney(money(1234567, 'KWD'))).toContain('1,234.567');
    expect(formatMoney(money(1200, 'JPY'))).toBe('¥1,200');
  });
  it('Given two currencies, When added, Then it is refused', () => {
    expect(addMoney(money(1, 'EUR'), money(1, 'USD')).ok).toBe(false);
    expect(sumMoney([money(10, 'EUR'), money(20, 'EUR')], EUR)).toEqual({
      ok: true,
      value: money(30, 'EUR'),
    });
    expect(multiplyMoney(money(4500, 'EUR'), 90)).toEqual({
      ok: true,
      value: money(405000, 'EUR'),
    });
    expect(multiplyMoney(money(4500, 'EUR'), 1.5).ok).toBe(false);
  });
  it('Given a rate as text, When converting EUR to JPY and KWD, Then rounding is half away from zero once', () => {
    expect(convertMoney(money(1000, 'EUR'), JPY, '161.235' as DecimalString)).toEqual({
      ok: true,
      value: money(1612, 'JPY'),
    });
    expect(convertMoney(money(1000, 'EUR'), KWD, '0.3345' as DecimalString)).toEqual({
      ok: true,
      value: money(3345, 'KWD'),
    });
    expect(convertMoney(money(1005, 'JPY'), EUR, '0.005' as DecimalString)).toEqual({
      ok: true,
      value: money(503, 'EUR'),
    });
    expect(convertMoney(money(-1005, 'JPY'), EUR, '0.005' as DecimalString)).toEqual({
      ok: true,
      value: money(-503, 'EUR'),
    });
  });
});

describe('grouping marks', () => {
  it('Given "12,34" typed with a comma as decimal while "." is expected, When parsed, Then it is refused rather than read as 1234', () => {
    expect(parseAmount('12,34', currency('EUR')).ok).toBe(false);
    expect(parseAmount("1'234'567.50", currency('CHF'))).toEqual({ ok: true, value: 123456750 });
    expect(parseAmount('1 234 567', currency('JPY'))).toEqual({ ok: true, value: 1234567 });
    expect(parseAmount('1234,5', currency('EUR'), { decimalSeparator: ',' })).toEqual({
      ok: true,
      value: 123450,
    });
    expect(parseAmount('1.23.456', currency('EUR'), { decimalSeparator: ',' }).ok).toBe(false);
  });
});

describe('comma or point: nothing is guessed', () => {
  const EUR_ = currency('EUR');
  const message = (text: string, code = EUR_) => {
    const r = parseAmount(text, code);
    return r.ok ? r.value : moneyErrorMessage(r.error, code);
  };
  it('Given "12,50" where a point is the decimal separator, When parsed, Then it says to use a point: 12.50', () => {
    expect(message('12,50')).toBe('Use a point for decimals: 12.50');
    expect(message('1234,5')).toBe('Use a point for decimals: 1234.5');
  });
  it('Given "12,500" with no decimal point, When parsed, Then it is refused as ambiguous, never 12500 silently', () => {
    expect(message('12,500')).toBe(
      '"12,500" could mean 12500 or 12.500: type 12500 without the separator, or 12.500 for decimals',
    );
  });
  it('Given grouping that cannot be read another way, When parsed, Then it is accepted', () => {
    expect(message('12,500.00')).toBe(1250000);
    expect(message('1,234,567')).toBe(123456700);
    expect(message('1,200', currency('JPY'))).toBe(1200);
    expect(message('12500')).toBe(1250000);
  });
  it('Given "12.50" where a comma is the decimal separator, When parsed, Then it says to use a comma', () => {
    const r = parseAmount('12.50', EUR_, { decimalSeparator: ',' });
    expect(r.ok ? r.value : moneyErrorMessage(r.error, EUR_)).toBe(
      'Use a comma for decimals: 12,50',
    );
    const amb = parseAmount('12.500', EUR_, { decimalSeparator: ',' });
    expect(amb.ok).toBe(false);
  });
});
