"""Held-out answers with one to three gaps a sharp interviewer would name."""

from __future__ import annotations

from . import Case, case

CASES: list[Case] = [
    case("we_culture_crash_rate", """
        In my previous company we are very team oriented, so I will say we. We had a problem
        that the mobile app crash rate was going up after each release, and users were giving
        one star reviews in the store. We sat together and we analysed the crash logs. We
        found that most crashes came from the image loading library. We replaced it with a
        newer library and we added crash-free rate to our release checklist. After that the
        crash-free sessions went from ninety-seven percent to ninety-nine point five. We
        learned that we must watch the crash dashboard in the first day after release, and now
        we always do this.""", {"weak_ownership", "missing_decision"},
         "all 'we'; replacing the library is a step, not a choice with a reason"),
    case("pager_auth_learned_that", """
        I got paged at 2 a.m. and I learned that the auth service was down, so nobody could
        log in. I checked the dashboards and found the database connection pool was exhausted.
        I restarted the pods to get people back in, and then I raised the pool size. Login
        worked again about twenty minutes after the page. The next day I wrote it up for the
        team.""", {"missing_decision", "missing_learning"},
         "'I learned that the service was down' is finding out; no choice explained"),
    case("director_decided_go_rewrite", """
        Our director decided we would rewrite the billing service in Go instead of patching
        the old Ruby one, because the Ruby service kept timing out at month end when invoices
        were generated, and late invoices meant late payments from customers. I implemented
        the invoice generation module and the retry logic. I also wrote the load tests. The
        new service handled month end with p99 under two hundred milliseconds, down from about
        eight seconds. I learned a lot about Go's concurrency model and I now use worker pools
        by default for batch jobs.""", {"missing_decision"},
         "the decision was the director's, not the speaker's"),
    case("support_bot_nice_team", """
        The customer support team was really nice to work with. They asked me to build a small
        internal tool to tag tickets by product area. I built it as a Slack bot in Python,
        since they lived in Slack all day, rather than a separate web app. I shipped the first
        version in two weeks, and they started tagging about 300 tickets a day with it. I
        learned that sitting with users for an hour saves days of guessing, and I do that on
        every internal tool now.""", {"missing_stakes"},
         "stakes words without stakes: nobody says why tagging mattered"),
    case("pm_carousel_ab_test", """
        Our PM wanted to ship the new checkout page with a carousel of upsell products right
        above the pay button. I disagreed, because in user testing people kept tapping the
        carousel by accident and losing their place, and checkout is where we make our money.
        I suggested we move the upsells to the confirmation page instead. We argued about it
        for a while, and I proposed an A/B test so we could settle it with data rather than
        opinions. The test showed the confirmation page version did better, and the PM agreed
        to go with it. Since then I try to turn design disagreements into small experiments
        early.""", {"missing_metric"},
         "PM disagreement; 'did better' has no number"),
    case("fraud_model_no_learning", """
        Our fraud model was flagging about 4% of legitimate transactions, and each false flag
        meant a customer's card got blocked at the till, which was our biggest source of
        complaints. I owned the model. I looked at the false positives and found that most
        were travellers, so I added location-change features. I considered just raising the
        threshold, but that would have let through roughly a fifth more fraud, so I didn't.
        After the retrain, false flags fell to 1.5% with the same fraud catch rate.""",
         {"missing_learning"}, "strong, but ends on the result"),
    case("ios_offline_missed_launch", """
        The biggest failure I had was missing the launch date for our iOS offline mode. We'd
        promised it to a large airline customer for their spring schedule, and the contract
        had a penalty clause. I was the tech lead and I underestimated the sync conflict work:
        I planned two weeks and it took six. I told the account team three weeks before the
        date, which was too late for them to reset expectations. We shipped three weeks late,
        the customer accepted a discount instead of the penalty, but it hurt the relationship.
        What I changed is that I now break any estimate over a week into spikes first, and I
        flag risk to stakeholders the day I see it, not when I'm sure.""",
         {"missing_decision"},
         "failure story: '3 weeks late' is the quantified outcome; the discount was the "
         "customer's choice"),
    case("polars_hedged_result", """
        I rewrote our feature pipeline from pandas to Polars because the daily run was taking
        most of the morning and the data scientists couldn't start training until lunchtime. I
        chose Polars over Spark since our data still fit on one machine and Spark would have
        meant running a cluster. I think it made things a lot faster, maybe, and people seemed
        happier. Going forward I'd measure before and after properly.""", {"missing_metric"},
         "hedged result with no number"),
    case("kubernetes_spot_we_decided", """
        Our Kubernetes bill was growing about 10% a month and finance flagged it as the
        fastest growing line in the budget. We looked at utilisation together and found most
        nodes were under 30% used. We decided to move batch jobs onto spot instances instead of
        buying reserved capacity, because the batch jobs could tolerate interruptions. We also
        set resource requests properly on every deployment. The monthly bill went down by 35%
        over two months. Going forward we review utilisation every sprint.""",
         {"weak_ownership"}, "a team decision with its reason, but every action is 'we'"),
    case("dns_outage_no_outcome", """
        There was a major outage of our DNS provider, and for about two hours customers
        couldn't reach any of our sites. I was on call. I coordinated the response, I got the
        status page updated, and I worked with the provider's support team. I also started a
        discussion about a secondary DNS provider. I wrote the postmortem afterwards.""",
         {"missing_metric", "missing_decision", "missing_learning"},
         "two hours is the outage, not an outcome of the work"),
    case("backup_restore_lesson_first", """
        The lesson I took from this one is to always test restores, not just backups. We had a
        Postgres database backing our customer billing, and our nightly backups had been
        silently failing for three weeks because a disk filled up. I found it during a routine
        restore drill I had set up a month before. I fixed the disk issue, added an alert on
        backup size, and made the restore drill weekly instead of monthly, because three weeks
        of missing backups was far too long to go unnoticed. Since then the weekly drill has
        caught two more backup failures, both within a day instead of weeks.""", set(),
         "learning said first; billing data at risk; caught within a day"),
    case("churn_model_numbers_are_stakes", """
        We had 3 data scientists and 2 ML engineers working on a churn model for 6 months, and
        the business wanted it live before the Q3 renewals because every churned enterprise
        account is about $50k a year. I built the feature pipeline and the deployment. I
        decided to ship a simple gradient boosting model first rather than wait for the deep
        learning version, because the renewals wouldn't wait. The model went live in time for
        Q3 and the account managers used it every week.""",
         {"missing_metric", "missing_learning"},
         "$50k is the stakes and the head count is context; the outcome has no number"),
    case("read_replicas_no_reason", """
        Our main Postgres database was at 90% CPU every afternoon and checkout requests started
        timing out, which was costing us orders at peak. I decided to add read replicas. I set
        them up and moved the reporting queries onto them. CPU went down to about 50% at peak
        and the timeouts stopped. I now check for reporting queries on the primary whenever I
        join a new team.""", {"missing_decision"},
         "'I decided' with no reason or alternative"),
    case("rust_tokenizer_no_stakes", """
        I rewrote the tokenizer in our text classification service in Rust. I chose Rust over
        optimising the Python version because the profiler showed 70% of the time was in
        tokenization loops that Python couldn't speed up further. I wrote it as a Python
        extension with PyO3 so nothing else had to change. Throughput went from 400 to 2,600
        documents per second on the same hardware. The main thing I learned is to profile
        before picking the language, not after.""", {"missing_stakes"},
         "never says why throughput mattered"),
    case("ml_platform_late_result", """
        Our ML platform team supported about forty data scientists, and the biggest complaint
        was that getting a model into production took around six weeks, which meant a lot of
        good models never shipped and the business kept asking why the data science investment
        wasn't paying off. I started by interviewing ten of the data scientists to see where
        the time went. Most of it was waiting: waiting for an infra ticket, waiting for a
        security review, waiting for someone to write the serving code. I decided to build a
        standard serving template rather than a full platform, because a template could ship
        in a month and a platform would take a year. I wrote the template with FastAPI and a
        Helm chart, pre-approved it with the security team so each model didn't need its own
        review, and set up a pipeline that took a registered model from MLflow and deployed it
        to staging automatically. I ran two pilot models through it with their authors and
        fixed the rough edges they hit, mostly around feature fetching and logging. Then I ran
        a few workshops and wrote the docs. After three months, the median time to production
        went from six weeks to four days, and the number of models in production doubled. I
        learned that removing waiting beats speeding up work.""", {"late_impact"},
         "the outcome only arrives in the last sentences of a 90-second answer"),
    case("trailing_reorg_talk", """
        Our recommendation emails had a click rate that had been falling for a year, and email
        was our second biggest source of repeat orders. I replaced the popularity-based ranking
        with a lightweight collaborative filtering model, choosing it over a deep model because
        we had to ship within the quarter and had no GPU budget. Click rate went up 18% in the
        A/B test and repeat orders from email rose about 6%. Then after that, there was also a
        reorg, and the email team moved under a different director, and there were some
        discussions about who would own the model, and for a while it was owned by the data
        science team, and then it moved to the CRM team, and I think it's still there, I'm not
        totally sure what they did with it after I left, and they might have replaced it by
        now.""", {"missing_learning", "rambling"},
         "good story, then trails on about the reorg"),
    case("mobile_cold_start_tiger_team", """
        Our Android app's cold start was over five seconds on low-end phones, and in markets
        like India that's most of our users, so we were seeing a lot of uninstalls. We formed a
        small tiger team. We profiled the startup path, we moved analytics initialisation off
        the main thread, and we lazy-loaded the feature modules. I handled the lazy-loading
        part. We also removed two SDKs that nobody used. Cold start dropped to about two
        seconds and uninstalls in the first week fell by 20%. We learned to track startup time
        in CI so it doesn't creep back.""", {"missing_decision", "weak_ownership"},
         "'we' does nearly everything; no choice explained"),
    case("deadline_missed_we", """
        We were building a new onboarding flow for the mobile app and the deadline was the
        marketing launch in March. We underestimated the work on the backend, and we also had
        two people out sick. We missed the date by about three weeks. Marketing had to move the
        campaign. We shipped it in April and it worked fine.""",
         {"missing_decision", "missing_learning", "weak_ownership"},
         "stakes (launch), a quantified miss, but 'we' throughout and nothing learned"),
    case("pipeline_no_result", """
        So I was working on our recommendation service, and the problem was that the
        recommendations were getting stale because the model was only retrained once a month,
        and our merchandising team kept complaining that new products never showed up, which
        hurt sales of new lines. I proposed moving to a weekly retrain with an automated
        evaluation gate, instead of a manual sign-off, because the manual sign-off was the real
        bottleneck. I built the pipeline in Airflow with an evaluation step that compares the
        new model to the current one on last week's data. And then I also added some alerting
        for when the data was late.""", {"missing_metric", "missing_learning"},
         "stops before any outcome"),
    case("sql_class_taught_lessons", """
        I taught a weekly SQL class for the product managers, because they kept waiting days
        for the analytics team to pull simple numbers and that was slowing down every product
        decision. I designed the lessons around our real tables rather than a textbook dataset,
        so they could use it the next morning. After six weeks, ad-hoc requests to the
        analytics team fell by about half.""", {"missing_learning"},
         "'taught' and 'lessons' are not a learning"),
    case("mentoring_new_grad_no_metric", """
        A new grad on my team was struggling with our codebase and was afraid to ask
        questions, and we needed her productive before the Q4 feature freeze. I set up daily
        fifteen-minute check-ins for her first month instead of leaving it to ad-hoc Slack
        questions, because I'd noticed she never asked in public channels. I also gave her
        small bugs in one area so she could build depth. By the end of the month she was
        shipping features on her own and she later became the go-to person for that service. I
        now set up structured check-ins for every new hire.""", {"missing_metric"},
         "good mentoring story with a qualitative outcome only"),
    case("frontend_lcp_no_learning", """
        Our marketing site's largest contentful paint was around 4 seconds, and SEO traffic
        had dropped after Google's Core Web Vitals update. We audited the page with Lighthouse.
        I moved the hero image to a preloaded, compressed AVIF and deferred the third-party
        scripts, choosing to defer the chat widget rather than remove it because sales relied
        on it. LCP went down to 1.6 seconds and organic traffic recovered over the next two
        months.""", {"missing_learning"}, "frontend; no lesson"),
    case("forecast_convinced_manager", """
        My manager wanted us to use a deep learning model for demand forecasting because it was
        what the competitors were doing. I thought a simpler model would be better. I built a
        quick comparison on two years of our sales data, and the gradient boosting model was
        just as accurate, easier to explain to the buyers, and trained in minutes rather than
        hours. I showed him the results, and he agreed to go with the simpler model. The buyers
        actually trusted it and started using the forecasts for ordering.""",
         {"missing_stakes", "missing_metric", "missing_learning"},
         "a decision argued with evidence, but no stakes, no number, no lesson"),
    case("cert_rotation_no_decision", """
        Every week someone on our SRE team spent about a day rotating TLS certificates by hand,
        and twice a certificate expired and took down a customer-facing API. I automated the
        rotation with cert-manager and added alerts thirty days before expiry. Manual rotation
        time went to zero and we haven't had an expiry outage since. Now I look for any
        recurring manual task over an hour a week and automate it.""", {"missing_decision"},
         "toil and outages as stakes; no choice explained"),
    case("ranking_ab_failure_no_learning", """
        I led the launch of a new search ranking model that looked great offline, with NDCG up
        4%, but in the online A/B test it reduced bookings by 2%, which on our traffic was a
        real revenue hit. I stopped the test after three days rather than waiting for the full
        two weeks, because the drop was consistent across every segment. I dug in and found
        the offline data over-represented returning users, who behaved very differently from
        new ones. I re-weighted the training data and the second version lifted bookings by
        1.5%.""", {"missing_learning"}, "no lesson from a failure story"),
    case("design_system_no_learning", """
        Our four product teams were each building their own buttons, forms and modals, so the
        app looked inconsistent to customers and every new screen took longer than it should. I
        started a shared design system in React with the designers. I chose to start with the
        ten most used components rather than a full library, so teams could adopt it within a
        sprint. Within six months all four teams were on it and new screens took roughly 30%
        less time to build, based on our sprint tracking.""", {"missing_learning"},
         "frontend; no lesson"),
    case("api_errors_went_away", """
        Our API error rate was 5% during peak, which was breaking the checkout for a lot of
        customers. I found a connection leak in the HTTP client and fixed it, and I added a
        load test to CI so it wouldn't come back, choosing a nightly load test over one on
        every PR because the full test takes forty minutes. After the fix the errors went away.
        I learned to load test the client libraries, not just our own code.""",
         {"missing_metric"}, "the only number is the problem; 'went away' has no figure"),
    case("feedback_hard_to_work_with", """
        My manager told me in a review that I was hard to work with in design discussions, that
        I'd shoot down ideas too quickly. That was hard to hear. I asked two colleagues I
        trusted for examples, and they confirmed it. I started writing down the strongest
        argument for the other option before giving my view in design reviews. A few months
        later, my next review said people found me much more collaborative, and I was asked to
        lead the design review for our storage rewrite. I still do that exercise before every
        design discussion.""", {"missing_stakes", "missing_metric", "missing_decision"},
         "feedback story: a habit learned, but no stakes, number or choice"),
    case("schemas_numbers_everywhere", """
        We had 14 microservices writing to 3 shared databases, with about 200 tables in total.
        I was one of 4 engineers on the project, which ran for 2 quarters in 2022. I mapped all
        200 tables to their owners and proposed splitting them into 14 service-owned schemas,
        rather than one big move, because we could then migrate team by team. I wrote the
        migration tooling and moved the first 5 services myself. By the end, every service
        owned its own schema.""", {"missing_stakes", "missing_metric", "missing_learning"},
         "many numbers, none of them an outcome"),
    case("message_queue_choice_no_stakes", """
        I was asked to pick a message queue for our new event-driven architecture. I compared
        Kafka, RabbitMQ and SQS. I chose SQS because we were a small team already on AWS and
        didn't want to run our own brokers, even though Kafka would have given us replay. I
        built a proof of concept and presented it to the architecture group, and they approved
        it. I learned that the right tool is often the one your team can operate.""",
         {"missing_stakes", "missing_metric"}, "a clear decision, but why did it matter?"),
    case("email_outage_switch", """
        When our email provider had a regional outage, password reset emails stopped for about
        three hours, and support got flooded with locked-out users. I switched our
        transactional email to the backup provider we'd set up but never used, and I wrote the
        status page updates. Support tickets about resets dropped back to normal that
        evening.""", {"missing_metric", "missing_decision", "missing_learning"},
         "stakes clear; outcome has no number; no choice or lesson"),
    case("typed_unpunct_aws_bill_we", """
        so basically we noticed our aws bill went up a lot and our cto was not happy about it
        because we were burning through our runway we looked at the cost explorer and we found
        a lot of idle instances and old snapshots we cleaned those up and we also moved some
        workloads to graviton the bill went down by around twenty five percent in two
        months""", {"missing_decision", "missing_learning", "weak_ownership"},
         "typed, unpunctuated, 'we' throughout"),
]
