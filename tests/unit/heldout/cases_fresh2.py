"""A third held-out batch, labelled after the second round of fixes and before the coach was
run on it: the honest estimate of how the coach does on answers it was not tuned on."""

from __future__ import annotations

from . import Case, case

_ALL_CONTENT = {"missing_stakes", "missing_metric", "missing_decision", "missing_learning"}

CASES: list[Case] = [
    case("music_cold_start", """
        Um, so, new users on our music app were getting really generic recommendations for
        their first week, and that first week is when most people decide whether to keep the
        subscription. I led a small project on cold start. I looked at using the onboarding
        questionnaire versus using the first few listens, and I went with the first ten listens
        plus a popularity prior, because the questionnaire answers turned out to be pretty
        noisy. We A/B tested it for three weeks. Day-seven retention for new users went up by
        2.4 points, which finance valued at about 1.5 million a year. And the thing I took away
        is to trust behaviour over what people say about themselves.""", set(),
         "complete", seconds=55.0, timed=True),
    case("flash_sale_queue_we", """
        Our order service kept falling over during flash sales. We added a queue in front of
        it, we tuned the consumer concurrency, and we added backpressure so the API shed load.
        After that it was much more stable during sales.""",
         {"missing_metric", "missing_decision", "missing_learning", "weak_ownership"},
         "orders failing in sales is stakes; 'we' and vague otherwise"),
    case("idempotent_ingestion_nonnative", """
        In my team I was owner of the ingestion pipeline. Every time the job fails in the
        middle, we get duplicate rows in the warehouse and the finance report shows wrong
        revenue, so the finance people lose trust in our data. I make the pipeline idempotent
        with merge statements instead of simple inserts, because rerun must be always safe.
        After this change we have zero duplicate incidents for six months, before it was two or
        three every month. I learn that every batch job must be safe to run twice.""", set(),
         "non-native present tense; complete"),
    case("datadog_logs_unpunctuated", """
        our logging bill on datadog went from about 20k to 60k a month in half a year and our
        vp asked me to get it under control i found that three services were logging every
        request body at debug level i turned those down to info and added sampling for health
        checks rather than dropping logs entirely because the security team needed some request
        logs for audits the bill went back down to about 25k the next month i now review log
        volume per service every month""", set(), "typed without punctuation; complete"),
    case("sdk_crash_passive", """
        There was a crash in the app that affected a lot of users. It was caused by a
        third-party SDK. Once the vendor released a fix, it was updated and the crashes went
        away.""", {"missing_metric", "missing_decision", "missing_learning", "weak_ownership"},
         "user impact stated; nobody does anything"),
    case("em_burnout_scope_cut", """
        Two of my five engineers told me in one-on-ones that they were close to burning out,
        and we were three months from a launch the company had announced publicly. I could
        have pushed through and hoped, but losing even one of them would have sunk the launch.
        I cut two features from the launch scope with the PM's agreement, and I took over the
        on-call rotation myself for six weeks so they got uninterrupted focus time. We launched
        on the announced date, nobody left, and in the next engagement survey my team's score
        went from 58 to 81. What I learned is that protecting focus time is a manager's job,
        not the engineers'.""", set(), "EM; complete"),
    case("screen_reader_checkout", """
        We realised our checkout form wasn't usable with a screen reader. We decided to rebuild
        it with native form elements instead of our custom components, because the custom ones
        had no proper ARIA roles. I rebuilt the form and tested it with VoiceOver and NVDA. Now
        screen reader users can complete checkout.""", {"missing_metric", "missing_learning"},
         "customers locked out of checkout is stakes; no number, no lesson"),
    case("fraud_research_to_prod", """
        So this was about getting a research model into production. Our research team had
        built a new fraud model in notebooks that looked much better offline, and my job as the
        ML engineer was to get it live. First I went through the notebooks and figured out
        which features they used. Then I rewrote the feature code in our feature store format.
        Then I wrote tests comparing my features with theirs on a sample. Then I found that
        three features used future information, so I fixed those with the researchers. Then I
        retrained the model on the corrected features. Then I packaged it in our serving
        template. Then I set up shadow scoring next to the old model. Then I built a dashboard
        comparing the two. Then I ran the shadow for four weeks. Then I went through the
        disagreements with the fraud analysts one by one. Then I wrote the rollout plan and got
        sign-off from the risk committee. Then we rolled it out to ten percent, then fifty,
        then everyone. At the end of all that, the new model caught about 18% more fraud at the
        same false positive rate, which the fraud team estimated was worth around $2 million a
        year in prevented losses. What I learned is that the research-to-production gap is
        mostly about features, not models.""",
         {"over_time", "rambling", "late_impact", "missing_stakes", "missing_decision"},
         "a play-by-play; the value only arrives as the result, after the mark",
         seconds=105.0),
    case("hedged_search_titles", """
        I think the best example is probably when our search relevance had, sort of, dropped
        after a catalogue change, and I believe sales from search were down maybe 5% week on
        week. I looked at the queries and I guess the issue was that the new product titles
        were much longer. I chose to add a title-normalisation step rather than retrain the
        ranker, since retraining would have taken a couple of weeks. I think search sales came
        back to roughly where they were within a few days. Going forward I always check the
        catalogue diff before assuming the model is broken.""", {"missing_metric"},
         "hedged; the recovery has no figure of its own"),
    case("team_player_generic", """
        I'm a strong team player. In my last project, we had a tight deadline and everyone had
        to pitch in. I helped wherever I could, reviewed a lot of code and made sure we
        communicated well. We delivered on time and the client was happy.""",
         {"missing_metric", "missing_decision", "missing_learning"},
         "generic; a deadline is the only stake"),
    case("eu_outage_no_failover", """
        During a regional outage at our cloud provider, our API was down for customers in
        Europe, and we had about 300 enterprise customers there with a 99.9% uptime SLA. I was
        incident commander. The fastest fix was to fail over to another region, but our data
        residency contracts said European data had to stay in Europe. So I decided not to fail
        over, and instead I put up a clear status page, and had support contact our top 20
        accounts directly. The outage lasted 2 hours, we paid SLA credits to 11 customers, and
        we didn't lose a single account. Afterwards I pushed for a second EU region, which we
        now have. I learned that sometimes the right call is to not fix it fast, and to
        communicate well instead.""", set(), "a decision not to act; complete",
         seconds=62.0, timed=True),
    case("reconciliation_overrun", """
        I was tech lead on a payments reconciliation rewrite that I estimated at eight weeks.
        It took twenty. The main reasons were that the legacy system had a lot of undocumented
        edge cases and two engineers left mid-project. The finance team had to keep doing
        manual reconciliation for three extra months, which cost them a lot of overtime.""",
         {"missing_decision", "missing_learning"},
         "failure told without a choice or a lesson; 8 -> 20 weeks is the outcome"),
    case("fraud_scoring_partitions", """
        Our nightly fraud scoring job missed its 6 a.m. deadline twice a week, so analysts
        started without fresh scores. I split it into 8 parallel partitions instead of buying
        a bigger machine, because the work was embarrassingly parallel. It now finishes by 2:30
        a.m. every night. Since then I check for parallelism before I scale up hardware.""",
         set(), "short and complete", seconds=28.0, timed=True),
    case("tax_display_disagreement", """
        Our product manager and I disagreed about whether to show prices with or without tax.
        He wanted without, I wanted with. We discussed it with the design team and eventually
        we went with prices including tax. The page launched the following month.""",
         _ALL_CONTENT | {"weak_ownership"}, "no why, no outcome, 'we' went with it"),
    case("loyalty_holdout", """
        Marketing wanted to measure whether our new loyalty emails increased repeat purchases,
        and they were about to roll them out to everyone, which would have made it impossible
        to measure. I argued for a holdout group of 10%, accepting that we'd lose a little
        revenue from the holdout, because without it we'd never know if the program, which cost
        about $300k a year, was worth keeping. The test showed a 3% lift in repeat purchases,
        which more than paid for the program. Now every lifecycle campaign at the company
        launches with a holdout.""", set(), "data science trade-off; complete"),
    case("k8s_upgrade_we", """
        We had to upgrade our Kubernetes clusters from 1.21 to 1.25. We read the changelogs, we
        found the deprecated APIs, and we updated our Helm charts. We upgraded the staging
        cluster first and then production. Everything went smoothly.""",
         _ALL_CONTENT | {"weak_ownership"}, "versions are not outcomes; 'we' task list"),
    case("mentee_promotion", """
        I mentored a mid-level engineer who wanted to get promoted to senior but kept getting
        feedback that her impact wasn't visible. I suggested she lead the design of our new
        caching layer instead of just implementing parts of it, because design docs are where
        senior impact shows up. I reviewed her drafts and coached her through presenting it to
        the architecture review. She got promoted in the next cycle, and the cache cut our
        database load by 40%. Since then I look for a visible, ownable project for everyone I
        mentor.""", {"missing_stakes"}, "a personal goal, not a business stake"),
    case("label_vendor_nonnative_we", """
        We were using one labelling vendor and the quality was bad, around 20% of labels were
        wrong, so our model accuracy was stuck. We decide to try two other vendors on the same
        batch of 1,000 images. We choose the one with best agreement with our internal labels,
        even it was a bit more expensive. After the switch, label error rate become 4% and model
        accuracy improve by 6 points.""",
         {"missing_stakes", "missing_learning", "weak_ownership"},
         "non-native, 'we'; accuracy stuck is not a business stake"),
    case("parcel_eta_ambiguity", """
        When I joined the logistics team, I was handed a vague goal: 'make deliveries more
        predictable'. Customers were calling support about late parcels, and those calls were
        costing us around $40k a month in support time. Instead of jumping into a new ETA
        model, I first measured where predictions went wrong, and found that 70% of the error
        came from one step, the handover between sorting centre and van. I worked with
        operations to scan parcels at that handover, which gave the existing model the data it
        was missing. ETA error dropped from 3.5 hours to 50 minutes, and 'where is my parcel'
        calls fell by a third. I learned to measure the error before choosing the fix.""",
         set(), "ambiguity; complete"),
    case("slow_dashboards_repeat_trail", """
        So basically our dashboards were slow. The dashboards were really slow, like really
        slow, and people were complaining that the dashboards were slow. So I looked into it and
        I looked into the queries and the queries were slow. I added some indexes, I added some
        indexes to the big tables, and the dashboards got faster. And then after that I also
        started looking at other stuff, like the ETL jobs and some of the cron jobs, and the
        alerting, and a bunch of other things that weren't really related, and I kind of
        cleaned things up here and there over the next few months.""",
         {"missing_metric", "missing_decision", "missing_learning", "rambling"},
         "repeats itself and trails off; complaints are the only stake"),
    case("admin_tool_vpn", """
        An external pen test found that our internal admin tool was reachable from the internet
        with only a password, and it could issue refunds. If someone had phished an admin, they
        could have drained customer balances. I had the choice of adding MFA to the tool, which
        would take a few days, or putting it behind our VPN, which I could do in an hour. I did
        the VPN that afternoon to close the hole, then added MFA the following week as a second
        layer. The retest a month later found zero critical issues, down from three. Since then
        every internal tool we launch goes behind the VPN by default.""", set(),
         "security; complete"),
    case("redshift_exit_on_time", """
        I led the migration of our analytics from Redshift to BigQuery because our Redshift
        contract was ending in March and renewing would have cost 40% more. I chose to migrate
        the most-used 100 tables first rather than everything, because usage logs showed they
        covered almost all queries. I built the migration tooling and ran the validation. We
        finished before the contract ended.""", {"missing_metric", "missing_learning"},
         "on time but no figure; no lesson"),
    case("roles_not_story", """
        I was the lead engineer on the payments team at a fintech. I was responsible for our
        card processing integration, which handled about $50 million a month. I was known as
        the person who understood the settlement logic. I was also the main point of contact
        for our bank partners.""", _ALL_CONTENT,
         "a CV read aloud: scale, not stakes; no story"),
    case("merchant_checkout_whisper", """
        So we're a small team, five engineers, and we run the checkout for about 2,000 online
        shops. Last spring, checkout error rates jumped to 3% after a payment provider changed
        their API, and every failed checkout is a lost sale for our merchants. I owned the
        payments integration, so I took it. I wrote a compatibility layer for the new API
        responses rather than waiting for the provider's fixed SDK, which they said would take
        a month. I shipped it behind a flag the same week. Errors went back under 0.2% within 2
        days. Since then I've added contract tests against every payment provider's
        sandbox.""", set(), "'we' is context; complete", seconds=48.0, timed=True),
    case("dbt_trial_team_decided", """
        Our data team was split on whether to use dbt or keep our stored procedures. After a
        two-week trial, we decided on dbt because it gave us version control and tests. I
        migrated the first 40 models and wrote the style guide. Our broken-dashboard tickets
        dropped from about 15 a month to 3. I learned that a short trial ends a long
        debate.""", {"missing_stakes"}, "why it mattered is never said"),
    case("deploy_drain_automation", """
        Every deploy of our monolith needed someone to manually drain traffic from each server,
        and it took about 45 minutes. I automated it with a script that drained, deployed and
        re-enabled servers in batches of five, instead of all at once, so we never lost more
        than 10% of capacity. Deploys now take 8 minutes and nobody has to babysit them. I
        always look for the manual step in a process first.""", {"missing_stakes"},
         "toil without a business consequence"),
    case("image_resizer_late_stakes", """
        I rewrote our image resizing service in Go, replacing the Python one, because Python's
        memory use under load made us run three times as many instances. I profiled it first
        to be sure the hot path was the resize itself and not the network. The Go version used
        a fifth of the memory, so we cut the fleet from 30 instances to 8. This mattered because
        the service sat in front of every product page, and our infrastructure budget had been
        cut by a quarter that year. I learned to profile before I rewrite.""", set(),
         "stakes said late (a hint, not a flag)"),
    case("oom_pinned_library", """
        A memory leak was found in our recommendation service after a library upgrade, and the
        pods were being OOM-killed every few hours, which dropped recommendations for shoppers
        each time. I bisected the upgrade and found the leak in a caching decorator. I pinned
        the library to the previous version rather than patching it ourselves, because the
        maintainers already had a fix in review. The OOM kills stopped completely, and I
        upgraded again once the fix was released two weeks later. I now run a 24-hour soak test
        for any dependency upgrade in a long-running service.""", {"missing_metric"},
         "'stopped completely' has no figure"),
    case("diverse_hiring_we", """
        Our team had no women engineers, and we noticed our pipeline was almost all referrals.
        We changed our sourcing to include bootcamps and meetups, and we rewrote our job ads to
        remove requirements that weren't really needed. We also made interview panels more
        diverse. Within a year, three of our seven hires were women.""",
         {"missing_stakes", "missing_decision", "missing_learning", "weak_ownership"},
         "'we'; the why is never said"),
    case("tax_precompute_tiny", """
        Checkout p99 was 2 seconds and we were losing mobile buyers. I moved tax calculation to
        a precomputed table instead of calling the tax API per request, since rates change only
        monthly. P99 fell to 300 ms. Now I always ask what can be precomputed.""", set(),
         "45 words, complete"),
]
