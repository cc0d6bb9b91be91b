import {REFERRALS_MONTHLY_SQL} from "../../loaders/aggregates/referrals-monthly.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(REFERRALS_MONTHLY_SQL);
