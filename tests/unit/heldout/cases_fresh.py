"""A second held-out batch, written and labelled after the first round of fixes and before the
coach was run on it: a check that those fixes generalise rather than fit the first batch."""

from __future__ import annotations

from . import Case, case

_ALL_CONTENT = {"missing_stakes", "missing_metric", "missing_decision", "missing_learning"}

CASES: list[Case] = [
    case("ml_churn_leak", """
        A few months into my last role I noticed our churn model's offline AUC was 0.94, which
        honestly looked too good. I dug into the features and found one of them was computed
        after the cancellation date, so the model was basically reading the answer. That
        mattered because sales was about to use the scores to decide which accounts got a
        retention call, and with the leak the real ranking would've been close to random. I
        pulled the feature and rebuilt the training set with point-in-time joins instead of
        patching just that one column, because I couldn't rule out other leaks. The honest
        AUC was 0.78, and when we used it for calls, saves went up about 12% over the old
        rule-based list. Ever since, I add a point-in-time check to every feature pipeline I
        review.""", set(), "complete: stakes, decision, 12% saves, habit"),
    case("rate_limit_we_hedged", """
        We had an issue where one big customer was hammering our public API and it was slowing
        things down for everyone else. We talked about it as a team and we decided to add rate
        limiting per API key. We implemented a token bucket in the gateway and we rolled it
        out gradually. It helped a lot, I think, latency was much better after that.""",
         {"missing_metric", "missing_decision", "missing_learning", "weak_ownership"},
         "noisy neighbour hurting other customers is stakes; the rest is 'we' and vague"),
    case("postgres_failover_call", """
        Okay, so, our primary Postgres in us-east went down at around 3 a.m. on a weekday, and
        every write to the order system was failing, which meant no new orders from Europe
        where it was already morning. I was the on-call lead. The automated failover hadn't
        triggered because the health check was misconfigured. I had to choose between
        promoting the replica by hand, with a risk of losing the last few seconds of writes, or
        waiting for the cloud provider to recover the instance. I promoted the replica, because
        a few seconds of lost writes we could reconcile from the queue, but an hour of no
        orders we couldn't get back. Writes were back in 9 minutes and we reconciled 31 orders
        from the queue. Afterwards I fixed the health check and we now run a failover drill
        every month.""", set(), "SRE call under pressure", seconds=62.0, timed=True),
    case("bundle_size_we", """
        Our React bundle had grown to about 4 megabytes. We set up webpack bundle analyzer and
        we found that moment.js and lodash were a big chunk. We replaced moment with date-fns
        and switched to per-method lodash imports. We also added code splitting on the routes.
        The bundle went down to 1.3 megabytes.""",
         {"missing_stakes", "missing_decision", "missing_learning", "weak_ownership"},
         "never says why bundle size mattered; 'we' throughout"),
    case("clickstream_rename_compromise", """
        The upstream events team wanted to rename a bunch of fields in the clickstream, and
        they gave us a week's notice. Our attribution models and the marketing spend
        dashboard, which decides where about two million a month of ad budget goes, read those
        fields directly. I asked for a month and proposed a compromise: they'd publish both the
        old and the new field names for one release, and I'd migrate our side. I chose that
        over asking them to cancel, because the rename fixed a real ambiguity that was hurting
        them too. I migrated eleven models in three weeks, and the cutover happened with zero
        broken dashboards. It's now our standard process: any breaking change ships with a
        dual-write release.""", set(), "cross-team compromise; zero broken dashboards"),
    case("push_optin_no_learning", """
        Our push notification opt-in rate on iOS was only 40%, which limited how many users we
        could bring back with reminders, and reminders drove about a third of our weekly active
        users. I redesigned the permission flow to ask after the user completed their first
        workout instead of on launch. Opt-in went up to 61%.""", {"missing_learning"},
         "an option turned down counts as a decision; no lesson"),
    case("reorg_vague_we", """
        When our company reorganised, my team merged with another team and we had to figure
        out how to work together. There were a lot of different processes. We had some
        workshops and we agreed on a common way of working. It took a while but eventually
        things settled down and the team was working well together.""",
         _ALL_CONTENT | {"weak_ownership"}, "a manager with no 'I' and no specifics"),
    case("log4shell_passive", """
        A critical vulnerability was found in one of our logging libraries, the Log4Shell one.
        All our Java services were scanned and forty-two of them were found to be affected.
        Patches were applied over the weekend and the services were redeployed. By Monday
        everything was patched.""",
         {"missing_metric", "missing_decision", "missing_learning", "weak_ownership"},
         "passive throughout: who did any of it?"),
    case("gpu_fair_share", """
        Our research team of about thirty people shared a pool of 64 GPUs, and jobs were first
        come, first served. The problem was that a couple of people would grab the whole
        cluster for days, so others waited a week for a slot, and we were about to miss a paper
        deadline for a conference that was the main goal for the quarter. I proposed a
        fair-share scheduler with per-team quotas, rather than buying more GPUs, since the
        budget request would have taken two quarters to approve. I set up Slurm with
        fair-share, wrote the quota policy with the team leads, and added preemption for jobs
        over 48 hours. Median queue time went from about 5 days to 6 hours, and we made the
        deadline with two papers submitted. What I'd do differently is announce the preemption
        rule earlier, because a few people lost runs in the first week.""", set(),
         "ML platform; complete", seconds=62.0, timed=True),
    case("enterprise_export_escalation", """
        A large enterprise customer escalated to our CEO because their nightly data export kept
        timing out, and their contract renewal was two months away. I was the support engineer
        assigned. I reproduced the issue with a copy of their data and found the export query
        was doing a full table scan. I added an index and changed the export to stream in pages
        instead of building the whole file in memory, because their data was 10 times bigger
        than our next largest customer. The export now finishes in 12 minutes instead of timing
        out at an hour, and they renewed. I learned to test with our biggest customer's data
        size, not our average one.""", set(), "support engineer; complete"),
    case("two_sentences", """
        I improved the performance of our API. It's faster now.""", _ALL_CONTENT,
         "nothing to go on"),
    case("unowned_tables", """
        Our data warehouse had 1,200 tables and about 300 of them had no owner. 15% of our
        dashboards used at least one unowned table. I built a lineage graph from the query logs
        and used it to suggest owners for each table, then I ran a two-week campaign with the
        team leads to confirm them. By the end, the unowned tables were down from 300 to 4.""",
         {"missing_stakes", "missing_decision", "missing_learning"},
         "numbers describe the problem but never why it mattered"),
    case("hotel_prices_long_setup", """
        Right, so, this one's from my time at a travel startup. Um, for context, we were about
        forty engineers, I was on the pricing team, which was three backend people and a data
        scientist, and our whole business model was, you know, taking a small margin on hotel
        bookings. We pulled prices from a bunch of suppliers, and the supplier APIs were,
        honestly, a mess, some of them were SOAP, some of them had really strict rate limits,
        and one of them would just randomly return prices in the wrong currency. And so the
        thing that was happening was that about 2% of the prices we showed were wrong, and when
        a customer clicked through and saw a different price at checkout, they'd leave, and
        some of them would complain on Trustpilot, which our CEO read every morning. So I
        proposed a validation layer that compared every supplier price against the last known
        price and against the other suppliers, and dropped anything that was more than 30%
        off, rather than trying to fix each supplier integration, because we had eleven of
        them and no leverage to make them change. I built it in about three weeks. Wrong prices
        at checkout went from about 2% to 0.2%, and checkout abandonment dropped by about 8%.
        What I took from it is that you defend against bad inputs at the boundary, you don't
        try to fix everyone upstream.""", {"over_time", "rambling", "late_impact"},
         "good content after a minute of context; result after the mark",
         seconds=115.0, timed=True),
    case("sso_first", """
        Our PM wanted three features in the same sprint: a new export format, dark mode, and
        SSO for enterprise. I looked at who was asking: SSO was blocking two enterprise deals
        worth around $400k combined, and the other two were nice-to-haves from internal
        feedback. I pushed back and got the PM to agree to do SSO first and move the other two
        to the next sprint. I built the SAML integration in eight days. Both deals closed that
        month. Now whenever I get competing requests, I ask which one is attached to revenue or
        a deadline before I estimate anything.""", set(),
         "prioritisation; the closed deals carry the $400k"),
    case("loss_function_research", """
        I was working on a new loss function for imbalanced classification. I tried focal loss
        first, but it was unstable on our data, so I designed a variant that reweights by class
        frequency estimated online. I ran experiments on four public benchmarks and our
        internal dataset. It beat focal loss by 1 to 3 points of macro F1 on all five, and we
        published it at a workshop.""", {"missing_stakes", "missing_learning"},
         "research: a tried-and-rejected option, a number, no stakes or lesson"),
    case("first_oncall_runbook", """
        On my first on-call shift, our checkout service started throwing 500s right at the
        lunch peak, and I panicked a bit. I followed the runbook, saw the error was from the
        payment provider, and switched us to the backup provider, which the runbook said to do
        if errors were above 5% for five minutes. Errors dropped back under 0.1% within two
        minutes. I then paged the senior engineer to confirm, which in hindsight I should have
        done first, because the switch has a cost implication I didn't know about. Now I always
        loop someone in before I take an action with money attached.""",
         {"missing_decision"}, "the runbook made the call"),
    case("ranking_ab_before_ship", """
        So at my last company I owned the search ranking model for our marketplace. Search
        drove about 60% of our GMV, so even small ranking changes moved real money. I had a new
        model that added seller response time as a feature. Offline it looked good, but
        instead of shipping it I ran a two-week A/B test, because the previous launch had looked
        good offline and then hurt conversion. The test showed a 3.2% lift in purchases per
        search. We shipped it to 100%. And what I learned from that earlier failure is that
        offline metrics are a filter, not a verdict.""", set(), "complete",
         seconds=50.0, timed=True),
    case("billing_tech_debt", """
        Our codebase had a lot of tech debt in the billing module. We decided as a team to
        spend 20% of each sprint on refactoring, because features were taking longer and longer
        to build there. I took the lead on the invoice calculation part and rewrote it with
        proper tests. Over the next few months the module became much easier to work with.""",
         {"missing_stakes", "missing_metric", "missing_learning"},
         "a reasoned team decision; no business stake, no number, no lesson"),
    case("hiring_bar_pushback", """
        My director wanted me to fill two open roles within a month because we had headcount
        that would be taken away at the end of the quarter. The candidates in the pipeline
        weren't at the bar. I told him I'd rather lose one headcount than hire someone we'd
        have to manage out, because a bad hire on a team of six costs far more than an empty
        seat. We agreed I'd hire one strong candidate we had and keep looking for the second. I
        filled the second role six weeks later with a referral, and we didn't lose the
        headcount after all because I showed the pipeline to finance. The lesson for me was
        that a clear written argument can move a deadline that looks fixed.""",
         {"missing_metric"}, "EM trade-off argued well; the outcome has no figure"),
    case("ci_runners_lowercase", """
        our ci runners were costing around $18k a month and finance asked every team to cut
        15%. i looked at the usage and most runners sat idle overnight and on weekends. i moved
        the runners to an autoscaling group on spot instances, and kept two on-demand runners
        for release builds since those can't be interrupted. the bill dropped to about $7k a
        month and queue times actually went down. lesson for me: idle capacity is the first
        place to look.""", set(), "typed lower case; complete"),
    case("values_not_story", """
        I think ownership is really important. In every team I've been in, I've always tried to
        take ownership of problems, even when they weren't strictly mine. For example, if I see
        a flaky test, I'll fix it rather than ignore it. I believe that's what makes a good
        engineer.""", _ALL_CONTENT, "a value statement, not a story"),
    case("black_friday_capacity", """
        Before Black Friday, we expected about four times our normal traffic, and last year the
        site had gone down for twenty minutes at peak, which cost an estimated $300k. I led the
        capacity planning. We ran load tests against staging at five times normal traffic. I
        found that the session store would fall over first, so I moved sessions from a single
        Redis instance to a cluster, choosing Redis Cluster over Memcached because we needed
        persistence for carts. We also pre-scaled the web tier. On the day, we peaked at 4.3
        times normal with p99 under 400 ms and no downtime. Since then we load test at 5x before
        every major sale.""", set(), "mixed we/I with 'I' leading; complete"),
    case("blame_the_pm", """
        The project failed because the product team kept changing the requirements. We started
        building a recommendation feature, but every two weeks the PM came back with a
        different idea. The designers were also late with the mockups. In the end the project
        was cancelled after four months. It wasn't really anyone's fault on the engineering
        side.""", _ALL_CONTENT | {"weak_ownership"},
         "blames others; the speaker owns nothing"),
    case("invoice_ocr_spelled", """
        Our invoice OCR model misread totals on roughly one in ten scanned invoices, and every
        misread meant an accountant fixing it by hand, about fifteen hundred corrections a week
        across our customers. I picked fine-tuning a layout-aware model on our own invoices over
        buying a commercial OCR API, because the API quote was about three times our whole
        inference budget. I labelled two thousand invoices with the ops team and trained it
        over a month. Misreads fell to about one in fifty, so roughly three hundred corrections
        a week. Looking back, I'd have started with the labelling tool, because that was the
        slow part, not the model.""", set(), "spelled-out figures; complete"),
    case("qa_lead_conflict", """
        So there was a conflict between me and our QA lead. She wanted every release to go
        through a full manual regression, which took two days, and I wanted to ship daily. I
        didn't want to just go around her, so I sat down with her and we listed which manual
        checks had actually caught bugs in the last six months. It turned out only about 20 of
        the 200 checks ever had. We agreed to automate those 20 and drop the manual pass for
        small releases. We went to shipping three times a week, and she became one of the
        biggest advocates for the automation. I learned that data from the other person's own
        work convinces them faster than my argument.""", {"missing_stakes"},
         "conflict handled well, but why shipping daily mattered is never said",
         seconds=52.0, timed=True),
    case("pgvector_hold_off", """
        We needed a vector database for our semantic search feature, and everyone was excited
        about the new managed ones. I decided to hold off and use pgvector in our existing
        Postgres, because we only had about two million embeddings and adding a new system
        meant another thing to run on call. I built the search on pgvector in two weeks. Query
        latency was around 40 ms at p95, well within what we needed, and we saved roughly
        $2,000 a month versus the managed option. My rule now is to earn a new piece of
        infrastructure with a number, not excitement.""", {"missing_stakes"},
         "no reason the feature mattered"),
    case("drift_monitor_no_outcome", """
        Our credit model's inputs were drifting after a change in how the partner banks
        reported income, and if the scores drifted too far we'd be approving riskier loans
        without knowing it. I built a drift monitor that computed population stability for
        every feature daily and alerted when it went over 0.2. I chose PSI over a learned drift
        detector because the risk team needed something they could explain to auditors. I set
        it up in our Airflow and wrote the alert runbook.""",
         {"missing_metric", "missing_learning"}, "stops before any outcome"),
    case("em_sev1_rule", """
        Our team had four sev-1 incidents in one quarter, and each one was costing us
        credibility with our largest customers, two of whom had asked for an incident review. I
        was the engineering manager. Instead of adding more process, I picked the one thing all
        four incidents had in common, which was deploys without a rollback plan, and made a
        rollback plan a required field in our deploy tool. I also ran blameless postmortems for
        each incident myself. The next two quarters we had one sev-1 in total, and both
        customers renewed. What I learned is that one targeted rule beats a new process
        document.""", set(), "EM; complete"),
    case("mongo_then_i_list", """
        We had to migrate our user service from MongoDB to Postgres because Mongo was going out
        of support and our security team flagged it in the audit. I first wrote a schema for
        the new tables. Then I wrote a dual-write layer in the service. Then I wrote a backfill
        script for the existing users. Then I ran the backfill in staging and fixed some data
        issues with null emails. Then I ran it in production over a weekend. Then I wrote a
        comparison job that checked every user in both databases every night. Then I fixed the
        mismatches it found, mostly time zones. Then I switched the reads to Postgres behind a
        feature flag. Then I turned off the writes to Mongo. Then I deleted the old collections
        after a month. Then I updated the runbooks and the dashboards. In the end the migration
        finished with no downtime and zero data loss. I learned to build the comparison job
        first next time.""", {"missing_decision", "rambling"},
         "eleven 'then I' steps over 40+ seconds with no decision"),
    case("pricing_page_legal", """
        I was the engineer leading our new pricing page launch, working with marketing, design
        and legal. Two days before launch, legal flagged that our 'save 40%' claim needed a
        footnote in three countries, and marketing didn't want to delay because ads were
        already booked. I proposed launching on time with the claim removed in those three
        countries only, instead of delaying everywhere, and I built a country-based config so
        we could add it back once legal approved the wording. We launched on the planned date
        in all 14 markets, and the claim went back up in the last three a week later. I now ask
        legal to review copy at design time, not at launch.""", set(),
         "on time in all 14 markets"),
    case("alert_audit_we", """
        Our on-call was getting around 200 alerts a week and people were starting to ignore
        them, which is how we missed a real database outage for 40 minutes. We did an alert
        audit as a team. We deleted anything nobody had acted on in a month and we merged
        duplicates. We also added severity levels. Alerts went down to about 30 a week. We
        learned that every alert needs an owner and an action.""",
         {"missing_decision", "weak_ownership"}, "'we' throughout; no choice explained"),
    case("dataset_licence", """
        We were about to train our speech model on a scraped podcast dataset when I noticed the
        licence didn't allow commercial use. If we'd shipped a model trained on it, we could
        have been forced to pull the product. I stopped the training run and proposed we switch
        to a licensed dataset plus our own consented recordings, even though it meant a
        six-week delay. Legal agreed, and we launched later with a clean data lineage we could
        show customers. Since then I check the licence of every dataset before it goes into a
        training pipeline.""", {"missing_metric"},
         "the six-week delay is the price of the decision, not an outcome"),
    case("microservices_whisper_ramble", """
        Yeah, so, I guess a time I had a challenge was when we were moving to microservices. It
        was a big change for everyone, and there were a lot of teams involved, and honestly it
        was kind of chaotic. There were a lot of meetings. We had to figure out how to split
        the monolith, and there were different opinions on how to do it. Some people wanted to
        split by domain, some people wanted to split by team. We tried a few things. Eventually
        we split out the user service and the payments service. It took a long time, like,
        longer than we thought. And, um, there were some incidents along the way. But in the
        end it worked out, and I think the system is better now. I learned a lot about
        distributed systems from it.""",
         _ALL_CONTENT | {"weak_ownership", "rambling"},
         "40 s before anything happens, 'we', nothing concrete", seconds=70.0, timed=True),
    case("percent_context_offline", """
        About 70% of our traffic comes from mobile, and our Android app had a 4.2 star rating.
        I was asked to add offline support to the reading feature, which about 30% of users had
        requested in a survey. I chose to cache the last 20 articles rather than building full
        sync, because full sync would have needed a backend rewrite. I shipped it in one
        release.""", {"missing_stakes", "missing_metric", "missing_learning"},
         "percentages are context; no outcome"),
    case("mobile_web_speed", """
        Our checkout conversion on mobile web was 30% lower than on the app, and mobile web was
        half our traffic, so it was the biggest revenue gap we had. As a team we decided to
        focus on page speed first, since the data showed a strong link between load time and
        drop-off. I owned the work: I removed two render-blocking scripts, moved the payment
        form to load first, and set up real-user monitoring so we could see the effect. Load
        time dropped from 5.8 to 2.9 seconds and mobile web conversion went up 11%. I learned
        to put monitoring in before the change, so you can prove the effect.""", set(),
         "team decision, 'I' work; complete"),
    case("learned_that_cache_key", """
        I learned that our recommendation service was serving the same five products to 40% of
        users. I dug in and found a caching bug where personalised results were being cached
        under a shared key. I fixed the cache key and added a test for it. The share of users
        seeing the default list dropped to under 2%, and click-through on recommendations went
        up 9%.""", {"missing_stakes", "missing_decision", "missing_learning"},
         "'I learned that' is finding out; no stakes or choice"),
    case("social_proof_failed", """
        I ran an experiment to add social proof, like 'twelve people booked this today', to our
        listing pages, expecting it to lift bookings. I chose to test it on 10% of traffic
        rather than launch it straight away, because a similar change at a competitor had
        backfired. It actually reduced bookings by 1.8%, and user interviews showed people
        found it pushy. I killed the experiment after two weeks. The lesson for me was to test
        the tone of a message, not just its presence.""", {"missing_stakes"},
         "a failed experiment told well; nothing was at stake"),
    case("datadog_migration_we", """
        So at my previous job we migrated our monitoring from Datadog to Grafana and
        Prometheus, because the Datadog bill had grown to about $90,000 a year and the renewal
        was coming up. We set up Prometheus in each cluster. We rebuilt the top 50 dashboards.
        We rewrote the alerts in Alertmanager. We ran both systems in parallel for a month.
        Then we turned off Datadog. Our monitoring costs went down to around $25,000 a year for
        the infrastructure. We learned that dashboards are easy to migrate but alert tuning
        takes much longer.""", {"missing_decision", "weak_ownership"},
         "'we' migrated; no choice of the speaker's", seconds=40.0, timed=True),
    case("partner_scope_cut", """
        Three weeks before a committed launch date for a partner, we were clearly not going to
        finish all five integrations. I proposed cutting to the two integrations the partner's
        users actually used, based on their usage data, instead of asking for an extension that
        would have pushed their marketing campaign. The partner agreed, we launched on the
        date, and those two covered about 85% of their users' activity. I learned to ask for
        usage data before agreeing to scope.""", set(), "short and complete"),
    case("intern_duplicates", """
        During my internship I built a tool to detect duplicate bug reports for the QA team. My
        mentor suggested using TF-IDF, but I tried sentence embeddings as well and compared
        them on 500 labelled pairs. The embeddings found 30% more duplicates at the same
        precision, so I went with them. The QA team used it for triage for the rest of the
        summer and said it saved them a couple of hours a week.""",
         {"missing_stakes", "missing_learning"}, "intern: a reasoned choice and numbers"),
    case("privacy_law_deletion_service", """
        When a new privacy law came in, we had six months to let users download and delete all
        their data, or face fines of up to 4% of revenue. I was the EM for the data platform,
        so I owned the plan. I split it into discovery, tooling and rollout, and I chose to
        build one deletion service that every team plugged into, rather than asking twelve
        teams to each build their own, because consistency was the whole point for the
        auditors. My team built the service, and I ran the rollout with the other teams. We
        were compliant two weeks before the deadline, with 97% of data stores covered
        automatically and the rest handled by a documented manual process. I learned that for
        cross-team compliance work, a shared service plus a deadline beats a policy
        document.""", set(), "EM compliance; complete"),
]
