import {cohortRowsToArrow, northamptonshireCohortRows} from "../../loaders/aggregates/northamptonshire-cohort.js";
import {writeStdout} from "../../loaders/arrow/query-to-arrow.js";
import {repoRoot} from "../../loaders/paths.js";
import {loadPublished} from "../../loaders/published/index.js";

const {northamptonshire} = loadPublished(`${repoRoot}/data/published`);
await writeStdout(cohortRowsToArrow(northamptonshireCohortRows(northamptonshire.turning18, northamptonshire.units)));
