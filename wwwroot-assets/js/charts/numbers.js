// One way to write an axis number on every chart: 1e-5 (never 0.0000100), 0.05, 12, 3.4e+4.
// Up to six significant digits, trailing zeros dropped: ticks are round numbers, so this writes each
// exactly, and ticks close together stay apart (three digits wrote 0.01071 … 0.01078 all as "0.0107").
export function axisNumber(value) {
  const v = Number(value);
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const magnitude = Math.abs(v);
  if (magnitude < 1e-2 || magnitude >= 1e4) {
    const [mantissa, exponent] = v.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    return `${m}e${Number(exponent)}`;
  }
  return String(Number(v.toPrecision(6)));
}
