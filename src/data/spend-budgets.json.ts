import {spendBudgets} from "../../loaders/aggregates/spend-budgets.js";
import {emitJson} from "../../loaders/emit.js";

await emitJson(spendBudgets);
