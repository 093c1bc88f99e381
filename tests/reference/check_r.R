# Recomputes, with R and the packages survey statisticians and
# psychometricians check against, every figure of gapscore's report that R
# computes for an export, from the raw export, and compares them within 1e-9
# relative: t.test (one-sample and paired: items, dimensions, overall;
# Welch: segments against the rest), p.adjust (Holm, within each figure's
# family of segments), psych::alpha and psych::alpha.ci (raw and
# standardized alpha, Feldt's interval, alpha if deleted, r.drop), lm on
# standardized scores and cor (the drivers), prop.test (Wilson intervals of
# CSAT and CES agree). With survey weights: survey::svymean (ids = ~1, a
# segment as a domain of the whole design, deff = "replace", with the
# questionnaire's strata, clusters and fpc when it names them), svyvar,
# confint on degf, svyby and svycontrast (segments against the rest) and
# cov.wt (the drivers); Cronbach's alpha and the shares are left to the
# Python reference there, as R has no weighted forms of them.
#
# Usage: Rscript check_r.R GAPSCORE QUESTIONNAIRE INPUT BY_COLUMN
# Exit 0 when every figure agrees, 1 with the differences.

suppressPackageStartupMessages({
  library(jsonlite)
  library(psych)
  library(survey)
})

arguments <- commandArgs(trailingOnly = TRUE)
if (length(arguments) != 4) stop("usage: check_r.R GAPSCORE QUESTIONNAIRE INPUT BY_COLUMN")
gapscore <- arguments[1]
questionnaire_path <- arguments[2]
input <- arguments[3]
by <- arguments[4]

q <- fromJSON(questionnaire_path, simplifyVector = FALSE)
output <- system2(gapscore, c("score", "-q", questionnaire_path, input, "--by", by, "--min-n", "0"), stdout = TRUE)
if (!is.null(attr(output, "status"))) stop("gapscore failed")
report <- fromJSON(paste(output, collapse = "\n"), simplifyVector = FALSE)

checked <- 0
problems <- character(0)
agree <- function(expected, actual, where) {
  checked <<- checked + 1
  if (is.null(actual) || is.na(expected)) {
    if (!(is.null(actual) && is.na(expected))) {
      problems <<- c(problems, sprintf("%s: R %s, gapscore %s", where, format(expected),
                                       if (is.null(actual)) "null" else format(actual)))
    }
    return(invisible())
  }
  if (abs(expected - actual) > 1e-9 * max(abs(expected), abs(actual)) + 1e-12) {
    problems <<- c(problems, sprintf("%s: R %.17g, gapscore %.17g", where, expected, actual))
  }
}

# The rows gapscore uses: records with the header's field count, a usable
# weight, and a respondent id not seen before (METHODS.md, row accounting).
fields <- count.fields(input, sep = ",", quote = "\"", comment.char = "", blank.lines.skip = TRUE)
fields <- fields[!is.na(fields)]
raw <- read.csv(input, header = FALSE, colClasses = "character", na.strings = character(0), fill = TRUE,
                col.names = paste0("V", seq_len(max(fields))), quote = "\"", comment.char = "",
                strip.white = FALSE, encoding = "UTF-8")
header <- unlist(raw[1, seq_len(fields[1])])
rows <- raw[-1, seq_len(fields[1]), drop = FALSE][fields[-1] == fields[1], , drop = FALSE]
names(rows) <- header

trim <- function(text) gsub("^[ \t]+|[ \t]+$", "", text)
missing_tokens <- tolower(trim(c("", unlist(q$missing))))
weights <- NULL
designed <- !is.null(q$strata_column) || !is.null(q$cluster_column) || !is.null(q$fpc_column) || !is.null(q$raking)
if (designed && is.null(q$weight_column)) weights <- rep(1, nrow(rows))
if (!is.null(q$weight_column)) {
  text <- trim(rows[[q$weight_column]])
  usable <- grepl("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$", text) &
    !(tolower(text) %in% missing_tokens)
  value <- suppressWarnings(as.numeric(text))
  usable <- usable & !is.na(value) & value >= 0 & value <= 1e12
  rows <- rows[usable, , drop = FALSE]
  weights <- value[usable]
}
if (!is.null(q$respondent_id)) {
  id <- trim(rows[[q$respondent_id]])
  first <- !(duplicated(id) & id != "")
  rows <- rows[first, , drop = FALSE]
  if (!is.null(weights)) weights <- weights[first]
}
agree(nrow(rows), report$input$rows_used, "input/rows_used")

default_scales <- list(nps = list(min = 0, max = 10), csat = list(min = 1, max = 5), ces = list(min = 1, max = 7))
scale_named <- function(name, type) {
  if (is.null(name)) return(default_scales[[type]])
  q$scales[[name]]
}
code <- function(column, scale, reverse = FALSE) {
  text <- trim(rows[[column]])
  lowered <- tolower(text)
  value <- rep(NA_real_, length(text))
  labels <- scale$labels
  if (!is.null(labels)) {
    names(labels) <- tolower(trim(names(labels)))
    labelled <- lowered %in% names(labels)
    value[labelled] <- unlist(labels)[match(lowered[labelled], names(labels))]
  }
  number <- is.na(value) & grepl("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)$", text) & !(lowered %in% missing_tokens)
  value[number] <- as.numeric(text[number])
  value[!is.na(value) & (value != round(value) | value < scale$min | value > scale$max)] <- NA
  if (reverse) value <- scale$min + scale$max - value
  value
}

servqual <- q$servqual
measures <- list(expectation = "expectation", perception = "perception", gap = "gap")
dimensions <- lapply(servqual$dimensions, function(dimension) {
  items <- lapply(dimension$items, function(item) {
    scale <- scale_named(if (is.null(item$scale)) servqual$scale else item$scale)
    reverse <- isTRUE(item$reverse)
    e <- code(item$expectation, scale, reverse)
    p <- code(item$perception, scale, reverse)
    list(id = item$id, expectation = e, perception = p, gap = p - e)
  })
  k <- length(items)
  min_items <- if (!is.null(dimension$min_items)) dimension$min_items else
    if (!is.null(servqual$min_items)) servqual$min_items else ceiling(k / 2)
  scores <- lapply(measures, function(measure) {
    values <- sapply(items, function(item) item[[measure]])
    score <- rowMeans(values, na.rm = TRUE)
    score[rowSums(!is.na(values)) < min(min_items, k)] <- NA
    score
  })
  list(id = dimension$id, items = items, scores = scores,
       weight = if (is.null(dimension$weight)) NA else dimension$weight)
})
overall <- lapply(measures, function(measure) {
  scores <- sapply(dimensions, function(dimension) dimension$scores[[measure]])
  plain <- rowMeans(scores)
  fixed <- sapply(dimensions, function(dimension) dimension$weight)
  list(plain = plain, weighted = if (any(is.na(fixed))) NULL else as.vector(scores %*% (fixed / sum(fixed))))
})

weighted <- !is.null(weights)
if (weighted) {
  # The questionnaire's design: strata, clusters nested in them, fpc.
  frame <- data.frame(w = weights)
  for (key in c("strata_column", "cluster_column", "fpc_column")) {
    if (!is.null(q[[key]])) frame[[key]] <- trim(rows[[q[[key]]]])
  }
  if (!is.null(q$fpc_column)) frame$fpc_column <- as.numeric(frame$fpc_column)
  design <- svydesign(ids = if (is.null(q$cluster_column)) ~1 else ~cluster_column,
                      strata = if (is.null(q$strata_column)) NULL else ~strata_column,
                      fpc = if (is.null(q$fpc_column)) NULL else ~fpc_column,
                      weights = ~w, nest = TRUE, data = frame)
  if (!is.null(q$raking)) {
    # survey::rake to each margin, in the order of the column names, the
    # population totals being the shares of the base weights' total.
    margins <- q$raking$margins[order(names(q$raking$margins))]
    sample_margins <- list()
    population_margins <- list()
    for (m in seq_along(margins)) {
      key <- paste0("margin", m)
      design$variables[[key]] <- rows[[names(margins)[m]]]
      population <- data.frame(names(margins[[m]]), unlist(margins[[m]]) * sum(weights))
      names(population) <- c(key, "Freq")
      sample_margins[[m]] <- as.formula(paste("~", key))
      population_margins[[m]] <- population
    }
    control <- list(maxit = if (is.null(q$raking$max_iterations)) 50 else q$raking$max_iterations,
                    epsilon = if (is.null(q$raking$tolerance)) 1e-7 else q$raking$tolerance)
    base_weights <- weights
    design <- rake(design, sample_margins, population_margins, control = control)
    weights <- unname(weights(design))
    agree(min(weights / base_weights), report$raking$smallest_factor, "raking/smallest_factor")
    agree(max(weights / base_weights), report$raking$largest_factor, "raking/largest_factor")
    agree(sum(weights)^2 / sum(weights^2) / length(weights), report$raking$weighting_efficiency,
          "raking/weighting_efficiency")
  }
}

# A raked design's subset keeps the rows outside it (at weight 0), and
# svymean gives NA if any of them is NA.
kept <- function(values, keep) ifelse(keep, values, 0)

# A survey-weighted stats block: the mean of a domain of the whole design.
check_weighted_stats <- function(values, mask, block, where, gap) {
  keep <- mask & !is.na(values)
  agree(sum(keep), block$n, paste0(where, "/n"))
  if (sum(keep) < 2) return(invisible())
  agree(sum(weights[keep])^2 / sum(weights[keep]^2), block$n_eff, paste0(where, "/n_eff"))
  domain <- subset(update(design, y = kept(values, keep)), keep)
  estimate <- svymean(~y, domain, deff = "replace")
  df <- degf(design)
  agree(unname(coef(estimate)), block$mean, paste0(where, "/mean"))
  agree(unname(SE(estimate)), block$se, paste0(where, "/se"))
  agree(unname(deff(estimate)), block$deff, paste0(where, "/deff"))
  agree(df, block$df, paste0(where, "/df"))
  agree(sqrt(unname(coef(svyvar(~y, domain)))), block$sd, paste0(where, "/sd"))
  interval <- confint(estimate, df = df)
  agree(interval[1], block$ci95[[1]], paste0(where, "/ci95/0"))
  agree(interval[2], block$ci95[[2]], paste0(where, "/ci95/1"))
  if (gap) {
    # A domain that is whole units has a variance of 0, which R leaves as
    # rounding noise: t and p are then null.
    zero <- SE(estimate) < 1e-12 * max(1, abs(coef(estimate)))
    t <- if (zero) NA else unname(coef(estimate) / SE(estimate))
    agree(t, block$t, paste0(where, "/t"))
    agree(if (zero) NA else 2 * pt(-abs(t), df), block$p, paste0(where, "/p"))
  }
}

# The stats block of a mean (the gap block adds the one-sample t test,
# which for an item's gap is the paired test of P against E).
check_stats <- function(values, mask, block, where, gap) {
  if (weighted) return(check_weighted_stats(values, mask, block, where, gap))
  values <- values[mask & !is.na(values)]
  agree(length(values), block$n, paste0(where, "/n"))
  if (length(values) < 2 || var(values) == 0) return(invisible())
  test <- t.test(values)
  agree(mean(values), block$mean, paste0(where, "/mean"))
  agree(sd(values), block$sd, paste0(where, "/sd"))
  agree(test$stderr, block$se, paste0(where, "/se"))
  agree(test$conf.int[1], block$ci95[[1]], paste0(where, "/ci95/0"))
  agree(test$conf.int[2], block$ci95[[2]], paste0(where, "/ci95/1"))
  if (gap) {
    agree(unname(test$statistic), block$t, paste0(where, "/t"))
    agree(test$p.value, block$p, paste0(where, "/p"))
  }
}
check_paired <- function(item, block, where, mask) {
  if (weighted) return(invisible())
  both <- mask & !is.na(item$perception) & !is.na(item$expectation)
  if (sum(both) < 2 || var(item$gap[both]) == 0) return(invisible())
  test <- t.test(item$perception[both], item$expectation[both], paired = TRUE)
  agree(unname(test$statistic), block$t, paste0(where, "/paired_t"))
  agree(test$p.value, block$p, paste0(where, "/paired_p"))
}
check_alpha <- function(dimension, measure, block, where, mask) {
  if (weighted) return(invisible())
  values <- sapply(dimension$items, function(item) item[[measure]])[mask, , drop = FALSE]
  complete <- values[complete.cases(values), , drop = FALSE]
  agree(nrow(complete), block$n, paste0(where, "/n"))
  if (ncol(complete) < 2 || nrow(complete) < 2 || var(rowSums(complete)) == 0) {
    agree(NA, block$value, paste0(where, "/value"))
    return(invisible())
  }
  result <- suppressWarnings(suppressMessages(psych::alpha(as.data.frame(complete), warnings = FALSE, check.keys = FALSE)))
  agree(result$total$raw_alpha, block$value, paste0(where, "/value"))
  agree(result$total$std.alpha, block$standardized, paste0(where, "/standardized"))
  interval <- psych::alpha.ci(result$total$raw_alpha, nrow(complete), ncol(complete), p.val = 0.05)
  agree(interval$lower.ci, block$ci95[[1]], paste0(where, "/ci95/0"))
  agree(interval$upper.ci, block$ci95[[2]], paste0(where, "/ci95/1"))
  if (ncol(complete) >= 3) {
    for (i in seq_along(dimension$items)) {
      agree(result$alpha.drop$raw_alpha[i], block$items[[i]]$alpha_if_deleted,
            sprintf("%s/items/%s/alpha_if_deleted", where, dimension$items[[i]]$id))
      agree(result$item.stats$r.drop[i], block$items[[i]]$item_rest_r,
            sprintf("%s/items/%s/item_rest_r", where, dimension$items[[i]]$id))
    }
  }
}
wilson <- function(p, n) {
  z <- 1.96
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)) / (1 + z^2 / n)
  100 * c(max(0, centre - half), min(1, centre + half))
}
# A survey-weighted share: svymean of its indicator over the domain, and
# (METHODS.md) Wilson's interval at the design-effective n, p (1 - p) / se^2.
check_weighted_share <- function(indicator, mask, block, where) {
  keep <- mask & !is.na(indicator)
  if (sum(keep) < 2) return(invisible())
  estimate <- svymean(~y, subset(update(design, y = kept(indicator, keep)), keep), deff = "replace")
  p <- unname(coef(estimate))
  se <- unname(SE(estimate))
  agree(100 * p, block$score, paste0(where, "/score"))
  agree(100 * se, block$se, paste0(where, "/se"))
  agree(unname(deff(estimate)), block$deff, paste0(where, "/deff"))
  agree(degf(design), block$df, paste0(where, "/df"))
  if (se > 1e-12) {
    interval <- wilson(p, p * (1 - p) / se^2)
    agree(interval[1], block$ci95[[1]], paste0(where, "/ci95/0"))
    agree(interval[2], block$ci95[[2]], paste0(where, "/ci95/1"))
  }
}
# A survey-weighted NPS: the difference of the promoter and detractor shares
# by svycontrast, and the adjusted Wald interval at the design-effective n.
check_weighted_nps <- function(values, mask, block, where, metric) {
  promoter_min <- if (is.null(metric$promoter_min)) 9 else metric$promoter_min
  detractor_max <- if (is.null(metric$detractor_max)) 6 else metric$detractor_max
  keep <- mask & !is.na(values)
  if (sum(keep) < 2) return(invisible())
  promoter <- kept(as.numeric(values >= promoter_min), keep)
  detractor <- kept(as.numeric(values <= detractor_max), keep)
  domain <- subset(update(design, promoter = promoter, detractor = detractor, sign = promoter - detractor), keep)
  score <- svycontrast(svymean(~promoter + detractor, domain), c(100, -100))
  agree(unname(coef(score)), block$score, paste0(where, "/score"))
  agree(unname(SE(score)), block$se, paste0(where, "/se"))
  agree(unname(deff(svymean(~sign, domain, deff = "replace"))), block$deff, paste0(where, "/deff"))
  groups <- svymean(~promoter + passive + detractor, update(domain, passive = 1 - promoter - detractor))
  agree(100 * unname(SE(groups))[1], block$promoters_se, paste0(where, "/promoters_se"))
  agree(100 * unname(SE(groups))[2], block$passives_se, paste0(where, "/passives_se"))
  agree(100 * unname(SE(groups))[3], block$detractors_se, paste0(where, "/detractors_se"))
  agree(degf(design), block$df, paste0(where, "/df"))
  shares <- unname(coef(svymean(~promoter + detractor, domain)))
  se <- unname(SE(score)) / 100
  if (se > 1e-12) {
    n <- (shares[1] + shares[2] - (shares[1] - shares[2])^2) / se^2 + 3
    p <- (shares[1] * (n - 3) + 0.75) / n
    d <- (shares[2] * (n - 3) + 0.75) / n
    half <- 1.96 * sqrt((p + d - (p - d)^2) / n)
    agree(max(-100, 100 * (p - d - half)), block$ci95[[1]], paste0(where, "/ci95/0"))
    agree(min(100, 100 * (p - d + half)), block$ci95[[2]], paste0(where, "/ci95/1"))
  }
}
check_share <- function(count, n, block, where) {
  agree(n, block$n, paste0(where, "/n"))
  if (weighted) return(invisible())
  if (n == 0) {
    agree(NA, block$score, paste0(where, "/score"))
    return(invisible())
  }
  agree(100 * count / n, block$score, paste0(where, "/score"))
  # METHODS.md fixes z at 1.96 rather than qnorm(0.975).
  interval <- suppressWarnings(prop.test(count, n, correct = FALSE, conf.level = 1 - 2 * pnorm(-1.96)))$conf.int
  agree(100 * interval[1], block$ci95[[1]], paste0(where, "/ci95/0"))
  agree(100 * interval[2], block$ci95[[2]], paste0(where, "/ci95/1"))
}
metric_values <- lapply(q$metrics, function(metric) {
  code(metric$column, scale_named(metric$scale, metric$type))
})

# Kano: each feature's answer pair classified by Berger et al.'s table
# (rows functional, columns dysfunctional: like, must-be, neutral,
# live-with, dislike), from the default wordings or 1..5.
kano_words <- list(c("like", "i like it", "i like it that way"), c("must-be", "it must be that way", "i expect it"),
                   c("neutral", "i am neutral", "i don't care"), c("live-with", "i can live with it", "i can tolerate it"),
                   c("dislike", "i dislike it", "i dislike it that way"))
kano_code <- function(column) {
  text <- tolower(trim(rows[[column]]))
  value <- rep(NA_integer_, length(text))
  for (k in 1:5) value[text %in% kano_words[[k]] | text == as.character(k)] <- k
  value
}
kano_table <- matrix(c("Q", "A", "A", "A", "O",
                       "R", "I", "I", "I", "M",
                       "R", "I", "I", "I", "M",
                       "R", "I", "I", "I", "M",
                       "R", "R", "R", "R", "Q"), nrow = 5, byrow = TRUE)
kano_names <- c(A = "attractive", O = "one_dimensional", M = "must_be", I = "indifferent", R = "reverse",
                Q = "questionable")
kano_categories <- lapply(q$kano$features, function(feature) {
  f <- kano_code(feature$functional)
  d <- kano_code(feature$dysfunctional)
  ifelse(is.na(f) | is.na(d), NA, kano_table[cbind(ifelse(is.na(f), 1, f), ifelse(is.na(d), 1, d))])
})

segment_value <- trim(rows[[by]])
segment_value[segment_value == ""] <- "(missing)"
for (result in report$results) {
  where <- if (length(result$segment) == 0) "all" else paste0(by, "=", result$segment[[by]])
  mask <- if (length(result$segment) == 0) rep(TRUE, nrow(rows)) else segment_value == result$segment[[by]]
  agree(sum(mask), result$rows, paste0(where, "/rows"))
  for (d in seq_along(dimensions)) {
    dimension <- dimensions[[d]]
    for (i in seq_along(dimension$items)) {
      item <- dimension$items[[i]]
      block <- Filter(function(entry) entry$id == item$id, result$servqual$items)[[1]]
      for (measure in measures) {
        check_stats(item[[measure]], mask, block[[measure]], sprintf("%s/items/%s/%s", where, item$id, measure),
                    measure == "gap")
      }
      check_paired(item, block$gap, sprintf("%s/items/%s/gap", where, item$id), mask)
    }
    block <- result$servqual$dimensions[[d]]
    for (measure in measures) {
      check_stats(dimension$scores[[measure]], mask, block[[measure]],
                  sprintf("%s/dimensions/%s/%s", where, dimension$id, measure), measure == "gap")
      check_alpha(dimension, measure, block$alpha[[measure]],
                  sprintf("%s/dimensions/%s/alpha/%s", where, dimension$id, measure), mask)
    }
  }
  for (measure in measures) {
    check_stats(overall[[measure]]$plain, mask, result$servqual$overall[[measure]],
                sprintf("%s/overall/%s", where, measure), measure == "gap")
    if (!is.null(overall[[measure]]$weighted)) {
      check_stats(overall[[measure]]$weighted, mask, result$servqual$overall[[paste0(measure, "_weighted")]],
                  sprintf("%s/overall/%s_weighted", where, measure), measure == "gap")
    }
  }
  for (m in seq_along(q$metrics)) {
    metric <- q$metrics[[m]]
    all_values <- metric_values[[m]]
    values <- all_values[mask & !is.na(all_values)]
    block <- result$metrics[[m]]
    label <- sprintf("%s/metrics/%s", where, metric$type)
    if (metric$type == "csat") {
      scale <- scale_named(metric$scale, metric$type)
      threshold <- if (is.null(metric$satisfied_min)) scale$max - 1 else metric$satisfied_min
      check_share(sum(values >= threshold), length(values), block, label)
      if (weighted) check_weighted_share(as.numeric(all_values >= threshold), mask, block, label)
      check_stats(all_values, mask, block$rating, paste0(label, "/rating"), FALSE)
    } else if (metric$type == "ces") {
      scale <- scale_named(metric$scale, metric$type)
      threshold <- if (is.null(metric$agree_min)) floor((scale$min + scale$max) / 2) + 1 else metric$agree_min
      check_share(sum(values >= threshold), length(values), block$agree, paste0(label, "/agree"))
      if (weighted) {
        check_weighted_share(as.numeric(all_values >= threshold), mask, block$agree, paste0(label, "/agree"))
      }
      check_stats(all_values, mask, block$stats, paste0(label, "/stats"), FALSE)
    } else if (weighted) {
      check_weighted_nps(all_values, mask, block, label, metric)
    }
  }
  # A weighted Kano category's share: svymean of its indicator, whose se
  # the report gives in points.
  for (f in seq_along(q$kano$features)) {
    if (!weighted) break
    category <- kano_categories[[f]]
    keep <- mask & !is.na(category)
    if (sum(keep) < 2) next
    for (letter in names(kano_names)) {
      indicator <- as.numeric(category == letter)
      estimate <- svymean(~y, subset(update(design, y = kept(indicator, keep)), keep))
      where_kano <- sprintf("%s/kano/%s/%s", where, q$kano$features[[f]]$id, kano_names[[letter]])
      agree(100 * unname(coef(estimate)), result$kano[[f]]$categories[[kano_names[[letter]]]]$pct,
            paste0(where_kano, "/pct"))
      agree(100 * unname(SE(estimate)), result$kano[[f]]$categories[[kano_names[[letter]]]]$se,
            paste0(where_kano, "/se"))
    }
  }
  if (!is.null(q$drivers) && !is.null(result$drivers)) {
    outcome <- metric_values[[which(sapply(q$metrics, function(metric) {
      id <- if (is.null(metric$id)) metric$type else metric$id
      id == q$drivers$outcome
    }))]]
    scores <- sapply(dimensions, function(dimension) dimension$scores$perception)
    complete <- mask & complete.cases(scores) & !is.na(outcome)
    agree(sum(complete), result$drivers$n, paste0(where, "/drivers/n"))
    if (weighted) {
      r <- cov.wt(cbind(scores, outcome)[complete, , drop = FALSE], wt = weights[complete], cor = TRUE)$cor
      k <- length(dimensions)
      correlations <- r[seq_len(k), k + 1]
      betas <- solve(r[seq_len(k), seq_len(k)], correlations)
      r2 <- sum(correlations * betas)
    } else {
      x <- scale(scores[complete, , drop = FALSE])
      y <- scale(outcome[complete])
      fit <- lm(y ~ x)
      correlations <- cor(x, y)[, 1]
      betas <- unname(coef(fit)[-1])
      r2 <- summary(fit)$r.squared
    }
    agree(r2, result$drivers$r2, paste0(where, "/drivers/r2"))
    for (d in seq_along(dimensions)) {
      driver <- result$drivers$dimensions[[d]]
      agree(unname(correlations[d]), driver$r, sprintf("%s/drivers/%s/r", where, dimensions[[d]]$id))
      agree(betas[d], driver$beta, sprintf("%s/drivers/%s/beta", where, dimensions[[d]]$id))
    }
  }
}

# Segments against the rest: Welch's test per figure, Holm within the
# figure's segments.
segments <- Filter(function(result) length(result$segment) > 0, report$results)
# With survey weights: the two domains' difference by svyby and
# svycontrast, a t on the design's degrees of freedom.
design_test <- function(values, inside) {
  keep <- !is.na(values)
  if (sum(keep & inside) < 2 || sum(keep & !inside) < 2) return(NULL)
  # The segment's coefficient in svyglm(y ~ segment) is the difference of
  # the two domains' means, its se that of svyby + svycontrast, which
  # cannot take a raked design.
  domains <- update(design, y = kept(values, keep), segment = as.numeric(inside))
  fit <- svyglm(y ~ segment, design = subset(domains, keep))
  difference <- unname(coef(fit)["segment"])
  se <- unname(SE(fit)["segment"])
  if (!(se > 0)) return(NULL)
  t <- difference / se
  list(difference = difference, statistic = t, parameter = degf(design),
       p.value = 2 * pt(-abs(t), degf(design)))
}
welch_family <- function(values, block_of, where) {
  tests <- lapply(segments, function(result) {
    if (weighted) return(design_test(values, segment_value == result$segment[[by]]))
    inside <- segment_value == result$segment[[by]]
    a <- values[inside & !is.na(values)]
    b <- values[!inside & !is.na(values)]
    if (length(a) < 2 || length(b) < 2 || (var(a) == 0 && var(b) == 0)) return(NULL)
    t.test(a, b)
  })
  tested <- !sapply(tests, is.null)
  holm <- rep(NA, length(tests))
  holm[tested] <- p.adjust(sapply(tests[tested], function(test) test$p.value), "holm")
  for (s in seq_along(segments)) {
    block <- block_of(segments[[s]])$vs_rest
    label <- sprintf("%s=%s/%s/vs_rest", by, segments[[s]]$segment[[by]], where)
    if (!tested[s]) next
    test <- tests[[s]]
    difference <- if (weighted) test$difference else unname(test$estimate[1] - test$estimate[2])
    agree(difference, block$difference, paste0(label, "/difference"))
    agree(unname(test$statistic), block$t, paste0(label, "/t"))
    agree(unname(test$parameter), block$df, paste0(label, "/df"))
    agree(test$p.value, block$p, paste0(label, "/p"))
    agree(holm[s], block$p_holm, paste0(label, "/p_holm"))
  }
}
for (d in seq_along(dimensions)) {
  dimension <- dimensions[[d]]
  for (item in dimension$items) {
    for (measure in measures) {
      welch_family(item[[measure]], function(result) {
        Filter(function(entry) entry$id == item$id, result$servqual$items)[[1]][[measure]]
      }, sprintf("items/%s/%s", item$id, measure))
    }
  }
  for (measure in measures) {
    welch_family(dimension$scores[[measure]], function(result) result$servqual$dimensions[[d]][[measure]],
                 sprintf("dimensions/%s/%s", dimension$id, measure))
  }
}
for (measure in measures) {
  welch_family(overall[[measure]]$plain, function(result) result$servqual$overall[[measure]],
               sprintf("overall/%s", measure))
}
for (m in seq_along(q$metrics)) {
  metric <- q$metrics[[m]]
  values <- metric_values[[m]]
  scale <- scale_named(metric$scale, metric$type)
  if (metric$type == "csat") {
    welch_family(values, function(result) result$metrics[[m]]$rating, "metrics/csat/rating")
    threshold <- if (is.null(metric$satisfied_min)) scale$max - 1 else metric$satisfied_min
    if (weighted) {
      welch_family(100 * (values >= threshold), function(result) result$metrics[[m]], "metrics/csat")
    }
  } else if (metric$type == "ces") {
    welch_family(values, function(result) result$metrics[[m]]$stats, "metrics/ces/stats")
    threshold <- if (is.null(metric$agree_min)) floor((scale$min + scale$max) / 2) + 1 else metric$agree_min
    if (weighted) {
      welch_family(100 * (values >= threshold), function(result) result$metrics[[m]]$agree, "metrics/ces/agree")
    }
  } else if (weighted) {
    promoter_min <- if (is.null(metric$promoter_min)) 9 else metric$promoter_min
    detractor_max <- if (is.null(metric$detractor_max)) 6 else metric$detractor_max
    welch_family(100 * ((values >= promoter_min) - (values <= detractor_max)), function(result) result$metrics[[m]],
                 "metrics/nps")
  }
}

if (length(problems) > 0) {
  writeLines(c(sprintf("%d of %d figures differ from R:", length(problems), checked), head(problems, 50)), stderr())
  quit(status = 1)
}
if (checked < 100) {
  writeLines(sprintf("only %d figures were compared with R: the report is not what this check reads", checked),
             stderr())
  quit(status = 1)
}
cat(sprintf("%d figures agree with R\n", checked))
