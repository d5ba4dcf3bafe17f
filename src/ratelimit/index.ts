export {
  consumeRate,
  consumeRates,
  deleteExpiredRateCounters,
  type RateDecision,
  type RateRule,
  type RatesDecision,
  resetRate,
} from './consume-rate.js';
