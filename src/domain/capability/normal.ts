/**
 * The standard normal distribution function by W. J. Cody's rational Chebyshev approximations
 * (ACM TOMS Algorithm 715, the ones R's pnorm uses): relative error near double precision over the
 * whole line, far inside the 1e-7 the head-to-head probabilities need. The coefficients are Cody's,
 * written with the 17 significant digits a double holds (his 20 round to these very values).
 */

const A = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356];
const A4 = 0.06568233791820745;
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726, 6848.190450536283,
  11602.65143764735, 9842.714838383978,
];
const C8 = 1.0765576773720192e-8;
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097, 34900.95272114598,
  38912.00328609327, 19685.429676859992,
];
const P = [0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934];
const P4 = 2.9112874951168793e-5;
const P5 = 0.023073441764940174;
const Q = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824];
const Q4 = 7.297515550839662e-5;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
/** Beyond this the upper tail underflows to 0 in double precision. */
const TAIL_END = 37.5193;

/** e^(−y²/2) computed as two factors, so the rounding of y² does not cost digits in the far tail. */
function gaussianFactor(y: number): number {
  const rounded = Math.trunc(y * 16) / 16;
  const rest = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded * 0.5) * Math.exp(-rest * 0.5);
}

/** P(Z > y) for y ≥ 0.67448975 (Cody's second and third ranges). */
function farTail(y: number): number {
  if (y >= TAIL_END) return 0;
  if (y <= Math.sqrt(32)) {
    let num = C8 * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    return gaussianFactor(y) * ((num + C[7]!) / (den + D[7]!));
  }
  const inverse = 1 / (y * y);
  let num = P5 * inverse;
  let den = inverse;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * inverse;
    den = (den + Q[i]!) * inverse;
  }
  const ratio = (inverse * (num + P4)) / (den + Q4);
  return gaussianFactor(y) * ((ONE_OVER_SQRT_2PI - ratio) / y);
}

/** P(Z > y) for y ≥ 0, the upper tail of the standard normal. */
export function upperTail(y: number): number {
  if (y > 0.67448975) return farTail(y);
  const square = y * y;
  let num = A4 * square;
  let den = square;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]!) * square;
    den = (den + B[i]!) * square;
  }
  return 0.5 - (y * (num + A[3]!)) / (den + B[3]!);
}

/**
 * Φ(x), the standard normal distribution function. Both signs go through the upper tail q of |x|
 * (Φ = q or 1 − q), and with q ≤ 1/2 the sum (1 − q) + q rounds to exactly 1: Φ(x) + Φ(−x) = 1 holds
 * bit for bit, so P(A ahead of B) + P(B ahead of A) = 1 does too.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const q = upperTail(Math.abs(x));
  return x >= 0 ? 1 - q : q;
}
