export { consumeRate, deleteExpiredRateCounters, resetRate, type RateDecision, type RateRule } from './consume-rate.js';
