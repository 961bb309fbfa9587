"""Held-out answers a sharp interviewer would flag little or nothing in."""

from __future__ import annotations

from . import Case, case

CASES: list[Case] = [
    case("sre_payments_outage", """
        The payments API went down for forty minutes on a Friday evening, and every minute of
        that was checkout failing for about two thousand merchants. I was the incident
        commander. I had two options: roll back the deploy, which was the obvious move, or fail
        over to the secondary region. I chose the rollback because the failover had never been
        tested under real load and could have made it worse. Error rates went back to normal
        within six minutes of the rollback. Afterwards I ran the postmortem and we found the
        config change had skipped canary. Since then I've made canary mandatory for config
        changes too, not just code, and we haven't had a config-caused outage in the eight
        months since.""", set(),
         "stakes (merchants' checkout), rollback vs failover with reason, 6-minute recovery, "
         "lasting change"),
    case("ml_gpu_bill_star_labelled", """
        Situation: I was on the recommendations team at a food delivery company, and our GPU
        bill for model serving had doubled in six months. Finance told us we had to cut it by
        a quarter before the next budget review or lose two of our four inference clusters.
        Task: I owned the serving stack, so it was my job to find the savings without hurting
        conversion. Action: I profiled the traffic and saw that seventy percent of requests
        were for the same few thousand restaurants. I proposed caching the top-k results for
        those instead of re-scoring every request. The trade-off was freshness, so I set a
        fifteen minute TTL and checked with product that this was acceptable. I also moved
        the ranking model to int8 quantization after an offline test showed no measurable
        drop in NDCG. Result: the GPU bill dropped by thirty-eight percent and conversion
        stayed flat. Learning: I now start any cost project by looking at the traffic
        distribution before touching the model.""", set(),
         "STAR-labelled, spelled numbers; every element present"),
    case("em_junior_engineer", """
        One of my engineers, a junior backend developer, was struggling: his pull requests sat
        in review for days and he had started to go quiet in standups. If nothing changed I
        was worried we'd lose him, and we were already two people short for the payments
        launch. I decided against moving him to an easier project, because that would have
        told him I'd given up on him. Instead I paired with him twice a week and had him own
        one small, well-scoped service end to end. Within two months his review turnaround
        went from about four days to under one, and he presented his service at our
        engineering all-hands. What I took from it is that confidence usually follows
        ownership, and I now give every new hire one thing that is fully theirs in their
        first quarter.""", set(),
         "EM mentoring: risk of losing him before a launch, decision against an option, "
         "4 days -> under 1, lesson"),
    case("typed_unpunctuated_batch_job", """
        so the problem was our nightly batch job for the credit risk scores took about nine
        hours and it often wasnt finished when the risk analysts started at eight am which
        meant they were making lending decisions on the previous days data i looked at the job
        and saw most of the time was spent in one big pandas join i rewrote that step in spark
        instead of just adding more memory to the box because the data was growing about
        twenty percent a year and the bigger box would only buy us a few months after the
        change the job went from nine hours to about forty minutes and the analysts had fresh
        scores every morning the lesson for me was to fix the scaling problem not the
        symptom""", set(),
         "typed without punctuation or capitals; all elements present"),
    case("sre_alert_noise_halved", """
        Our on-call rotation was burning people out, we were getting around forty pages a week
        and most of them were noise. I went through three months of alerts and sorted them
        into actionable and not. I deleted the ones nobody had acted on in ninety days and
        turned the rest into tickets instead of pages when they weren't urgent. Pages halved
        in the first month and by the end of the quarter we were down to about a third of
        where we started. I now review our alert list every quarter, it takes an hour and it
        keeps the rotation sane.""", set(),
         "burn-out stakes, tickets instead of pages, 'halved' / 'a third' as metrics"),
    case("mobile_qa_two_engineers", """
        At my last job every release of our Android app needed a full day of manual regression
        testing from two QA engineers, and that was slowing releases to once every two weeks.
        I proposed automating the top fifty user journeys with Espresso rather than trying to
        cover everything, because those journeys caught almost all the bugs that had reached
        users. I wrote the framework and the first twenty tests myself and then got the rest
        of the team to add the others. Once it was in place we could release weekly, and it
        saved us roughly two engineers' worth of time every sprint. The thing I'd do
        differently is involve QA earlier, because they knew which journeys were flaky.""",
         set(),
         "release cadence as stakes, 'two engineers' worth of time' as the metric"),
    case("whisper_p99_search", """
        So the context is, our search API p99 was 800 ms and the mobile team told us it was
        the main reason their home screen felt slow, which was their biggest source of one
        star reviews. I profiled it and saw that 60% of the time was spent on a synchronous
        call to the personalization service. I made that call asynchronous with a 50 ms budget
        and a fallback to non-personalized results, instead of trying to speed up the
        personalization service itself, which another team owned. p99 latency dropped from
        800 ms to 120. What I learned is to look for the dependency you can cut before
        optimizing your own code.""", set(),
         "Whisper digits; 800 ms -> 120", seconds=50.0, timed=True),
    case("ambiguous_retention_drop", """
        When I joined the analytics team, I was told to 'figure out why retention dropped'
        with no more detail than that. Retention had dropped from 42% to 35% over two quarters
        and leadership was worried about the next funding round. I first split the drop by
        cohort and by acquisition channel, instead of jumping into the product data, because I
        wanted to know whether it was who we were getting or what we were giving them. It
        turned out almost all the drop came from users acquired through one paid channel that
        marketing had scaled up. I shared that with marketing, they cut that channel's spend,
        and retention for new cohorts came back to 41% within a quarter. I learned to scope an
        ambiguous question by splitting it before I try to explain it.""", set(),
         "ambiguity story; 42->35 is the problem, back to 41% the outcome"),
    case("prioritisation_triage", """
        We were a team of five supporting three product squads, and we were drowning in
        requests. We had about sixty open tickets and everything was marked urgent, which
        meant the truly urgent ones, like a broken payment webhook, waited as long as the
        cosmetic ones. I set up a simple intake form and a weekly triage with the squad leads.
        I ranked requests by revenue impact and effort, and I said no to anything below the
        line, rather than letting everything trickle in. I also published the ranked list so
        people could see why their request was lower. Within a month our median time to fix a
        critical issue went from nine days to two, and the squads stopped escalating in Slack.
        I still run that weekly triage today, and I've set it up on every team since.""",
         set(),
         "'we' is context, the actions are 'I'; 9 days -> 2"),
    case("a11y_contract", """
        Our web app failed an accessibility audit from a large public-sector customer, and
        without a fix by the renewal date we'd lose a contract worth about $1.2 million a
        year. I led the remediation. Instead of patching each page, I pushed for fixing the
        shared component library first, because ninety percent of the violations came from
        six components. I fixed those components myself and wrote lint rules so new
        violations would fail CI. The re-audit found 12 issues, down from 340, and the
        customer renewed. I now treat accessibility as a component-library problem, not a page
        problem.""", set(),
         "frontend; contract at risk; 340 -> 12"),
    case("checkout_race_shared_credit", """
        Our checkout service was dropping about one in two hundred orders during peak hours,
        which was real money lost every evening. My teammate and I split the investigation. I
        traced the drops to a race condition in the inventory reservation, and she wrote the
        reproduction test. I proposed an idempotency key on the order request rather than a
        distributed lock, because a lock would have added latency on the hottest path. We
        rolled it out behind a flag, and dropped orders went to zero over the next two weeks.
        Since then I design every write endpoint to be idempotent from day one.""", set(),
         "shared credit but most actions are 'I'; zero dropped orders"),
    case("em_platform_contract", """
        Last year I had to choose between hiring two more backend engineers or investing that
        budget in a platform contract, because our team was the bottleneck for four product
        launches. I mapped where our time went and saw that about forty percent was spent on
        undifferentiated infrastructure work. I chose the platform contract over the hires,
        because hiring would take six months to pay off and the launches were due in three. We
        handed the infrastructure work over in six weeks, and all four launches shipped on
        time, with the team spending under ten percent of its time on infrastructure by the
        end of the quarter. It taught me to look for the constraint before adding people.""",
         set(),
         "EM prioritisation; 40% -> under 10%, launches on time"),
    case("vendor_search_build_vs_buy", """
        I was the tech lead for our document search. We were paying an external vendor about
        $400,000 a year, and their contract was up for renewal with a 30% price increase. I
        proposed building on open source instead, with Elasticsearch and a small re-ranking
        model. The risk was quality, so I ran both systems side by side on a month of real
        queries before we switched. Our version matched the vendor on relevance and was 3x
        faster. We cut the $400,000 vendor bill to about $90,000 a year in infrastructure. I
        learned that a side-by-side on real traffic settles a build versus buy debate faster
        than any spreadsheet.""", set(),
         "Whisper money format; build vs buy; $400k -> $90k", seconds=48.0, timed=True),
    case("non_native_payment_adapter", """
        In my last company, I am responsible for the payment gateway integration. One day, the
        bank change their API without telling us, and the payments start to fail, around 15
        percent of all payments. This is very serious because every failed payment is lost
        sale. First I make a hotfix to retry with the old format, then I contact the bank to
        understand the new format. I choose to write an adapter layer instead of changing all
        our code, because the bank can change again. After two days, the failure rate come
        back to normal, below 0.5 percent. From this, I learn to always put an adapter between
        us and external APIs.""", set(),
         "non-native present tense; all elements present"),
    case("env_provisioning_days_to_hours", """
        Provisioning a new test environment used to go through a ticket to the infra team and
        it took three days, which meant QA was always testing on a shared, broken environment
        and bugs slipped into production. I built a self-service tool on top of Terraform so
        any engineer could spin up an environment from a Slack command. I chose to clone from
        a nightly snapshot rather than build from scratch, because building from scratch took
        hours and would have killed adoption. Environment setup went from three days to four
        hours at first, and then to about twenty minutes once the snapshots were warm. I'd do
        one thing differently: I'd have added automatic teardown from day one, because we ran
        up a surprise bill in the first month.""", set(),
         "'went from three days to four hours'"),
    case("chatty_kyc_fillers", """
        Oh, that's a good one. So, um, basically, I was at a fintech startup, and, like, our
        KYC checks, the identity checks for new customers, were taking about two days because a
        person had to review every single one, and we were losing something like a quarter of
        sign-ups who just gave up waiting. So I, um, I pitched automating the easy cases with a
        document-verification API and only sending the weird ones to a human, rather than
        hiring more reviewers, because hiring wouldn't scale with the marketing push we had
        coming. I built the integration, uh, and the routing rules. And, yeah, about 70% of
        checks went fully automatic, the average wait went down to like ten minutes, and
        sign-up drop-off roughly halved. The thing I took away is, you know, automate the
        boring majority and give humans the hard cases.""", set(),
         "chatty with fillers; content complete"),
    case("em_graphql_standoff", """
        Two senior engineers on my team were in a standoff over whether to adopt GraphQL for
        our mobile API, and it had stalled the API redesign for a month, which put our app
        relaunch at risk. I met each of them separately first to understand what they
        actually cared about: one was worried about over-fetching on slow networks, the other
        about the operational complexity. I proposed a two-week spike where they built the
        same screen both ways and measured payload size and on-call burden. I made it clear
        that I would make the call at the end if they didn't agree. The spike showed REST with
        two new aggregate endpoints cut payloads by 60%, close to what GraphQL gave, without
        the new infrastructure, so we went with REST. The redesign got moving again and the
        relaunch shipped on time. I now time-box technical disagreements with an experiment
        and a decider up front.""", set(),
         "EM conflict; relaunch at risk; 60% smaller payloads"),
    case("security_public_bucket", """
        Sure. So about a year ago, we found that one of our S3 buckets with customer invoices
        had been public for two days. It was a GDPR breach risk and potentially a fine. I was
        the security engineer on call, so I owned the response. I locked the bucket first and
        then, rather than assuming nobody had accessed it, I pulled the access logs, which
        showed only our own crawler had read it. That let us notify the regulator with facts
        instead of a worst case. I then wrote an org-wide policy that blocks public buckets by
        default, and we went from 14 public buckets to 0 across 60 accounts. What I took from
        it is to make the safe setting the default rather than relying on reviews.""", set(),
         "security incident; 14 -> 0 buckets", seconds=55.0, timed=True),
    case("processor_shutdown_parallel_run", """
        We had a hard deadline: the old payment processor was shutting down its API on June
        30th, and if we weren't migrated, we couldn't take card payments at all. I owned the
        migration plan. I decided to run both processors in parallel for two weeks and compare
        every transaction, rather than doing a big-bang switch, because a mismatch in refunds
        would have been very hard to undo. We found and fixed three mapping bugs during the
        parallel run and switched over fully on June 20th, ten days before the shutdown. I
        still use parallel runs for anything involving money.""", set(),
         "dates are context; 'ten days before the shutdown' is the outcome"),
    case("help_centre_semantic_search", """
        Users kept complaining that search on our help centre returned irrelevant articles,
        and support tickets about 'can't find' were our top category. I added a semantic
        search layer using sentence embeddings on top of the keyword search, and blended the
        two scores, instead of replacing keyword search, since exact matches on error codes
        still mattered. 'Can't find' tickets dropped by 40% over the next two months. The
        lesson for me was to keep the old system as a signal rather than throwing it away.""",
         set(), "short and complete"),
    case("short_strong_mixed_precision", """
        I cut our model training time from 14 hours to 3 by switching to mixed precision and
        fixing a data loader bottleneck, which mattered because we could only retrain weekly
        and were missing fraud pattern shifts. I picked mixed precision over buying bigger GPUs
        since it was free and reversible. We now retrain daily, and I profile the input
        pipeline first on every project.""", set(),
         "result first; 60 words with everything"),
    case("whisper_distillation_22", """
        So the problem was that our ranking model's inference cost had grown to about $80,000
        a month, and leadership asked us to bring it down before the next planning cycle or
        drop the personalization feature. I owned inference. I looked at three options: a
        smaller model, quantization, or caching. I went with distillation into a smaller
        model, because caching wouldn't help with our long-tail queries and quantization alone
        only gave us 10% in tests. The distilled model reduced inference cost by 22% while
        keeping accuracy steady, within 0.2 points of NDCG. And I still run that same
        cost-per-query dashboard on every model I ship.""", set(),
         "the article's own example, Whisper style", seconds=47.0, timed=True),
    case("billing_schema_check_hesitant", """
        I think the, the best example is when our data pipeline for the billing reports broke.
        So, the finance team uses those reports to invoice our customers, and if they're wrong
        we either overcharge people or lose money. One morning the numbers were off by a lot.
        I traced it back to a schema change upstream where a column had been renamed. I added
        a schema check to the pipeline that fails loudly instead of silently writing nulls, and
        I backfilled the two days of bad data. Since then we've had zero silent billing
        errors. And now I put contract tests on every upstream table I depend on.""", set(),
         "hesitant start; 'zero silent billing errors'", seconds=44.0, timed=True),
    case("em_layoffs_roadmap", """
        When we had layoffs, my team went from nine engineers to five, but we still owned the
        checkout service, which is where all our revenue goes through. I sat down with product
        and cut our roadmap from eleven projects to three, choosing the ones tied to checkout
        reliability over new features, because an outage would hurt far more than a delayed
        feature. I also moved two of our lowest-value services to another team. We kept
        checkout at 99.95% availability that year and shipped all three projects. What I
        learned is that saying no explicitly, in writing, protects a small team better than
        working harder.""", set(),
         "'went from nine to five' is context; 99.95% kept is the outcome"),
    case("chatbot_misroutes_gpt4", """
        In 2023 our support chatbot was built on version 1 of our intent classifier, and it
        misrouted about one in four customer messages, which pushed those customers into a
        long human queue. I proposed replacing the classifier with a retrieval step plus GPT-4
        for the ambiguous cases only, rather than sending everything to the LLM, because
        sending everything would have cost around $30,000 a month. I built it and ran it in
        shadow mode for two weeks. Misroutes dropped to about 8% and the human queue shrank by
        a third. Next time I'd involve the support leads in labelling earlier, since they
        spotted failure modes we missed.""", set(),
         "years and versions are not outcomes; 8% and 'a third' are"),
    case("android_rollback_call", """
        It was Black Friday week and our new Android release started crashing on startup for
        users on Android 9, about 8% of our users. I was the release captain. The team wanted
        to ship a hotfix forward because the release had other features marketing had
        announced. I made the call to halt the rollout and roll back instead, because a
        forward fix needed a new review cycle from Google and we couldn't predict how long that
        would take. The crash rate went back under 0.1% within the hour, and we shipped the
        fixed release two days later. Since then our release checklist has a staged rollout
        with an automatic halt on crash spikes.""", set(),
         "mobile release call", seconds=45.0, timed=True),
    case("api_versioning_pushback", """
        The payments team wanted to change their API to return amounts as strings instead of
        integers, which would have broken our mobile apps for anyone who didn't update, and
        about 30% of our users run versions older than three months. I pushed back and
        suggested they add a new versioned endpoint rather than changing the existing one.
        They were worried about maintaining two versions, so I offered to write the migration
        guide and to move our apps over within one release cycle. They agreed. We deprecated
        the old endpoint after two months with zero support tickets about broken clients. I
        learned to come to a disagreement with an offer to carry part of the cost.""", set(),
         "cross-team disagreement; zero tickets"),
    case("gdpr_deletion_british", """
        We had a GDPR deadline to honour deletion requests within thirty days, and our data
        lake had no way to find a customer's records across two hundred tables, so we were at
        real risk of a regulator fine. I designed a lineage index keyed on customer ID, and I
        prioritised the twenty tables holding personal data over full coverage, because those
        covered nearly all the risk. I built the deletion job myself and had legal review the
        process. Average time to complete a deletion request went from about three weeks, done
        by hand, to under two days, automated. What I'd do differently is involve legal from
        the first design review rather than at the end.""", set(),
         "British spelling; three weeks -> under two days"),
    case("moderation_labels_pairs", """
        At my company we always work in pairs, but on this one I'll tell you my part. Our
        content moderation model was missing about a third of the harmful posts that users
        reported, and the trust and safety team was overwhelmed. I audited a sample of two
        thousand labels and found that around 15% were wrong, mostly from one vendor. I
        proposed relabelling only the disputed examples rather than the whole set, because a
        full relabel would have taken a quarter. I wrote the disagreement detection script,
        and my partner handled the vendor. The retrained model caught 25% more harmful posts
        at the same precision. Since then I always audit labels before tuning the model.""",
         set(), "'we' culture stated, then 'I' actions"),
    case("hiring_take_home", """
        Our team had three open roles for six months, and the delay was pushing back the ML
        platform roadmap that two product lines depended on. I looked at the funnel and saw we
        were losing most candidates at a four-hour take-home. I replaced it with a
        ninety-minute paired exercise, accepting that we'd see less polished code, because the
        take-home was filtering for free time, not skill. Offer acceptance went up, and we
        filled all three roles in the next ten weeks. The lesson I keep is to measure where a
        process loses people before changing who you're looking for.""", set(),
         "EM hiring; 'filled all three roles in ten weeks'"),
    case("priorities_two_million_deal", """
        I had three requests at once: sales wanted a lead-scoring model for a big client
        pitch, the support team wanted ticket routing, and my own roadmap had a model retrain
        that was overdue. I ranked them by who was blocked and by revenue, and I put the
        lead-scoring model first, because the pitch was for a two million dollar deal and had a
        fixed date. I told support their routing would wait three weeks and gave them a simple
        keyword rule to tide them over. We won the two million dollar deal, and support's
        routing shipped on the date I'd promised. I now keep a visible priority list so nobody
        is surprised by where they sit.""", set(),
         "prioritisation; the won deal carries its figure"),
    case("terraform_after_outage", """
        We were running about 300 EC2 instances configured by hand, and a bad manual change
        had just caused a four-hour outage of our public API. I proposed moving everything
        into Terraform, starting with the networking layer because that's where the outage
        came from. I wrote the modules and imported the existing resources, and I set up plan
        reviews in CI. It took a quarter. Since then every infrastructure change goes through a
        reviewed plan, and we've had zero config-drift incidents in the year since.""", set(),
         "'It took a quarter' is effort; zero incidents is the outcome"),
    case("warehouse_cost_long_but_structured", """
        The short version is that I cut our data warehouse spend by about 45% in one quarter
        without losing any dashboards. The context: we were on Snowflake, spend had tripled in
        a year, and the CFO had told us that if it kept growing we would have to freeze hiring
        on the data team. I owned the warehouse. The first thing I did was tag every query with
        the team and the dashboard it came from, because nobody actually knew where the money
        went. That showed that about a third of the spend came from dashboards that refreshed
        every five minutes but were looked at once a day. I could have just cut refresh rates
        across the board, but that would have broken a few operational dashboards that really
        did need to be live, so instead I worked with each team to agree a refresh schedule
        that matched how they used the data. The second big item was a set of full-table
        rebuilds in our dbt project. I converted the largest twelve models to incremental
        builds. I chose to do the largest twelve rather than all of them because they were
        about 80% of the compute, and the rest weren't worth the risk of subtle bugs. The third
        thing was warehouse sizing: we were running an extra-large warehouse for everything,
        and I split it into a small one for dashboards and a large one for the nightly
        transforms. At the end of the quarter spend was down 45%, hiring went ahead, and the
        teams actually got fresher data where it mattered. What I learned is that cost work is
        mostly a visibility problem: once people could see what their dashboards cost, they
        made good choices on their own.""", {"over_time"},
         "too long (2:05) but structured, result up front, decisions throughout",
         seconds=125.0),
]
