"""Realistic answers in many voices (spoken, typed, Whisper-style, unpunctuated, British
spelling), each labelled with the flags an experienced interviewer would raise. Written
apart from the per-flag tables, as a check that the coach generalises beyond them."""

from __future__ import annotations

#: (name, answer, seconds it took or None for 150 WPM, flags expected at warn/fail)
ANSWERS: list[tuple[str, str, float | None, set[str]]] = [
    ('conflict_pm',
     'Sure. So at my last job I was the ML engineer on a pricing team, and our product '
     'manager wanted to launch a new discount model two weeks early for a marketing '
     'campaign. I had run the offline evaluation and the model was over-discounting for '
     'new customers, which would have cost us a lot of margin. I pulled the numbers into a '
     "one-page doc showing that we'd give away roughly $200,000 in the first month. I "
     'suggested we launch to ten percent of traffic instead of everyone, so marketing '
     'still got their date but we limited the downside. She agreed, we launched the '
     'partial rollout, and I fixed the new-customer bias the following week. The full '
     'launch went out a week later and margin stayed flat. What I took from it is that '
     'disagreements go a lot better when you bring a number and an alternative, not just a '
     'no.',
     None, {'missing_metric'}),
    ('whisper_latency',
     'Yeah, so, um, the problem was our search latency. P99 was around 1.2 seconds and we '
     'were seeing people abandon searches, the product team estimated we were losing '
     'something like 3% of sessions. I dug into the traces and found that we were calling '
     'the embedding model synchronously for every query. I moved the embeddings to a '
     'precomputed cache for the top 50,000 queries and, for the long tail, I batched the '
     'calls. I considered a smaller model but it lost too much relevance in our offline '
     'eval, so I kept the big one. P99 went down to 300 milliseconds. And now whenever I '
     'see a latency problem I look at what can be precomputed first.',
     None, set()),
    ('we_team_story',
     'Our team was responsible for the fraud detection pipeline. We noticed that the model '
     'performance had degraded over a few months. We retrained the model with new data and '
     'we added new features from the transaction graph. We also set up monitoring so we '
     'would catch drift earlier. We deployed the new version and the performance improved '
     'a lot. The team was really happy with the result.',
     None, {'missing_decision', 'missing_learning', 'missing_metric', 'weak_ownership'}),
    ('vague_improvement',
     'I worked on improving our recommendation system. I looked at the existing model and '
     'decided to try a two-tower architecture. I implemented it in TensorFlow and trained '
     'it on our click data. I ran some experiments with different embedding sizes. The '
     'results were better than the baseline and we shipped it. I learned a lot about '
     'retrieval models.',
     # 'I learned a lot about X' names no lesson and nothing that changed.
     None, {'missing_decision', 'missing_metric', 'missing_stakes', 'missing_learning'}),
    ('long_setup_ml',
     'So I joined the company in 2020, it was a Series B startup in the insurance space, '
     'about 150 people, and I was one of three ML engineers. We had a data science team of '
     'maybe eight people and a platform team of four. The company had grown really fast '
     'and a lot of the infrastructure was built in a hurry by the first few engineers, '
     'some of whom had left. Our models were trained in notebooks and deployed by copying '
     'pickle files to a server. There was no real versioning and nobody was quite sure '
     'which model was in production at any time. Anyway, one day a claims model started '
     'giving weird scores, and it turned out someone had deployed an old pickle by '
     'mistake. Claims adjusters had been working off bad scores for three days. I proposed '
     'that we set up a model registry with MLflow, rather than building our own, because '
     "we didn't have the people to maintain one. I set it up, wrote the deployment script, "
     "and moved all six models into it over a month. We haven't had a wrong-model incident "
     'since. It taught me that boring infrastructure is what actually prevents incidents.',
     140.0, {'late_impact', 'missing_metric', 'over_time', 'rambling'}),
    ('learning_implicit',
     'Last year our nightly ETL for the marketing data warehouse was failing about twice a '
     'week, and every failure meant the marketing team started their day without '
     "yesterday's numbers. I went through six months of failure logs and found that most "
     'failures came from one flaky upstream API. I chose to add a caching layer with '
     'retries rather than rewrite the whole job, because the rewrite would have taken a '
     'quarter. Failures dropped to about one a month. These days, whenever I inherit a '
     'flaky pipeline, I start by categorizing the failures before I touch any code.',
     None, set()),
    ('no_decision_list',
     'We had a customer complaint that our churn predictions were wrong for enterprise '
     'accounts, which was a problem because the account managers used them to prioritize '
     'renewals. I pulled the predictions for the last quarter and compared them with '
     'actual churn. I found that enterprise accounts were underrepresented in training. I '
     'added them back, retrained, and evaluated by segment. Recall on enterprise accounts '
     'went from 40% to 72%. Since then I always evaluate models per segment, not just '
     'overall.',
     None, {'missing_decision'}),
    ('rambling_filler_whisper',
     'Okay so this is, like, a story about when I was working on the, uh, the data '
     'pipeline at my old company. So basically we had this, this pipeline that ingested '
     'events from the mobile app and it was, you know, kind of a mess. There were a lot of '
     'different teams using it and, um, everybody had their own opinion about how it '
     'should work. So I started looking at it and I looked at the code and I looked at the '
     'configs and, um, I found a bunch of stuff that was, like, not great. So I cleaned '
     'some of it up, I cleaned up the configs and I added some tests and, uh, I added some '
     'documentation. And then, um, yeah, it was better after that. People were happier. '
     'And then I think a couple months later they actually replaced the whole thing with a '
     'vendor tool, so, yeah.',
     95.0, {'late_impact', 'missing_decision', 'missing_learning', 'missing_metric',
      'missing_stakes', 'rambling'}),
    ('short_good',
     'Our image classifier was misrouting about 8% of support tickets, so customers waited '
     'hours longer. I chose to relabel the 2,000 worst examples instead of collecting new '
     'data, since the errors clustered in three classes. Misroutes fell to 3%. I learned '
     'to look at the confusion matrix before asking for more data.',
     None, set()),
    ('mixed_ownership',
     'The on-call load on our team was brutal, we were getting paged about 30 times a week '
     'and two engineers had burned out. I led an effort to fix it. I categorized every '
     'page from the past two months. We then split the work: I took the alert tuning and '
     'two colleagues took the flaky services. I deleted or merged about half the alerts '
     'and rewrote thresholds on the rest. Pages went down to around 5 a week. I chose to '
     "make alert review a monthly ritual instead of a one-off cleanup, so it wouldn't "
     "creep back. Now I always ask 'what would I do if this paged me at 3am' before adding "
     'an alert.',
     None, set()),
    ('stakes_late_only',
     'I rebuilt the feature pipeline for our ranking model using Spark structured '
     'streaming instead of hourly batch jobs, because batch meant features were up to an '
     'hour stale. I designed the schema, wrote the streaming jobs, and ran both pipelines '
     'side by side for two weeks to compare. Feature freshness went from an hour to under '
     'a minute and click-through went up 4%. The reason it mattered is that our ads '
     'revenue depends on ranking, and the sales team had promised advertisers fresher '
     'targeting. I learned to run old and new systems in parallel before switching.',
     None, set()),
    ('all_we_metric',
     'We were migrating our training infrastructure from on-prem GPUs to the cloud because '
     'our hardware lease was ending in six months. We evaluated three providers and we '
     'chose the one with the best spot pricing. We rewrote our job launcher, we '
     'containerized all the training code, and we set up a cost dashboard. We finished the '
     'migration a month early and our training costs dropped by 35%. We learned that spot '
     'instances need checkpointing from day one.',
     None, {'weak_ownership'}),
    ('incident_story',
     'During Black Friday our recommendation service went down for about 40 minutes, and '
     'since recommendations drive about a fifth of our revenue, that was a big deal. I was '
     'the on-call engineer. I saw that the feature store was timing out, so I switched the '
     'service to the fallback popular-items list, which brought the site back within five '
     'minutes. Then I found the root cause, a connection pool that was too small for the '
     'traffic, and fixed it. In the postmortem I pushed for load tests at 3x peak before '
     "every holiday, rather than just adding capacity, because we didn't actually know our "
     'limits. We ran them the next year and caught two more bottlenecks. It taught me that '
     'fallbacks are worth building before you need them.',
     None, set()),
    ('no_learning_no_stakes',
     'I was asked to build a demand forecasting model for our warehouses. I started with a '
     'simple seasonal baseline, then tried gradient boosting with weather and holiday '
     'features. I went with gradient boosting because it beat the baseline by a wide '
     'margin on the holdout set. Forecast error dropped from 18% to 11% MAPE. The model is '
     'now used by all twelve warehouses.',
     None, {'missing_learning', 'missing_stakes'}),
    ('hedged_everything',
     'I think the situation was that our model was maybe a bit slow, and I guess some '
     'users complained, probably. So I kind of looked into it and I sort of profiled it '
     'and I think I found the bottleneck was in preprocessing, maybe. I rewrote the '
     'preprocessing in Rust, I think, and it was faster, probably like twice as fast. I '
     'guess I learned that profiling is important.',
     None, {'missing_decision'}),
    ('failure_story',
     'The biggest failure I had was a model launch that I rushed. We were building a spam '
     'filter for our marketplace messages, and sellers were complaining that scammers were '
     'contacting their buyers. I trained a classifier and, because I wanted to hit the end '
     'of quarter date, I skipped the shadow-mode period we normally run. Within a day it '
     'was flagging legitimate messages from new sellers, roughly one in twenty, and '
     'support got flooded. I rolled it back that evening and wrote a postmortem. We '
     'relaunched two weeks later after a proper shadow run, and false flags were under '
     'half a percent. Since then I never skip shadow mode, and I push back when someone '
     'asks me to.',
     None, set()),
    ('mentoring',
     'A junior engineer on my team was struggling with code reviews, her PRs were sitting '
     'for days and she was getting discouraged. I set up a weekly pairing session with her '
     'and we went through her open PRs together. I showed her how to split big changes '
     'into smaller ones and how to write a description that explains the why. I also asked '
     'two senior engineers to prioritise her reviews for a month. After about six weeks '
     'her PRs were getting merged in a day on average instead of four. What I learned is '
     'that most review delays are really about PR size.',
     None, {'missing_decision', 'missing_stakes'}),
    ('sre_capacity',
     "Our Kafka cluster was running at 85% disk, and at our growth rate we'd have run out "
     'in about three weeks, which would have stopped all event ingestion for the company. '
     'I had two choices: add brokers, which meant a two-week procurement process, or cut '
     'retention on the low-value topics. I went with cutting retention first because it '
     'was immediate and reversible, and I scheduled the broker expansion in parallel. I '
     'audited every topic with the owning teams and dropped retention from 7 days to 2 on '
     'eleven of them. Disk usage fell to 55% within a day. I now review topic retention '
     'every quarter.',
     None, set()),
    ('data_quality_we',
     'So basically we had a lot of issues with data quality in our warehouse. Um, we set '
     'up Great Expectations and we wrote a bunch of checks. We also had meetings with the '
     'upstream teams about contracts. We rolled it out over a couple of months and things '
     'got better. We learned that data quality is a team sport.',
     None, {'missing_decision', 'missing_metric', 'missing_stakes', 'weak_ownership'}),
    ('whisper_nopunct',
     'so last year I was working on our ads ranking model and the click through rate had '
     'been flat for like two quarters and the sales team was under pressure because '
     'advertisers were asking for better performance I looked at the features and realised '
     "we weren't using any user history so I built a sequence feature from the last 50 "
     'clicks I tested it offline first and then ran an AB test for two weeks click through '
     'went up 6 percent and revenue per thousand impressions went up 4 percent what I '
     "learned was to check what signals the model doesn't see before tuning it",
     None, {'missing_decision'}),
    ('vague_leadership',
     'I think leadership for me is about bringing people together. At my last company I '
     'led a cross-functional project with product, design and engineering. I made sure '
     'everyone was aligned and communicated regularly. There were some challenges along '
     'the way, but we worked through them as a team. In the end the project was a success '
     'and everyone was happy with the outcome.',
     None, {'missing_decision', 'missing_learning', 'missing_metric', 'missing_stakes'}),
    ('decision_no_result_yet',
     'We needed to choose a vector database for our retrieval system, and the wrong choice '
     'would lock us in for years. I benchmarked three options on our own data: pgvector, '
     'Qdrant and a managed service. I chose pgvector, even though it was slower at scale, '
     'because our corpus was small and the team already ran Postgres. I wrote up the '
     "trade-offs and the point at which we'd need to revisit. It's been running for eight "
     'months with p95 latency under 50 milliseconds. The lesson I took is to choose for '
     'the scale you have, and write down when to re-decide.',
     None, set()),
    ('long_steps',
     'Our model training pipeline was slow, a full retrain took about 14 hours, which '
     'meant we could only ship one model update a week. I started by profiling each stage. '
     'I found the data loading was single threaded, so I parallelised it. Then I looked at '
     'the preprocessing and moved it to a separate job that caches the results. Then I '
     'switched the training to mixed precision. Then I upgraded the GPU instances from '
     'V100s to A100s. Then I tuned the batch size and the learning rate schedule for the '
     'new batch size. Then I added gradient checkpointing to fit bigger batches. Then I '
     'rewrote the evaluation step to run on the GPU too. Then I set up a dashboard for the '
     'stage timings. Then I wrote documentation for the team. In the end the retrain took '
     '3 hours, so we could ship daily. I learned to profile before optimising.',
     None, {'missing_decision', 'rambling'}),
    ('trailing_chat',
     'Our support chatbot was escalating about 40% of conversations to humans, and the '
     'support team was overwhelmed. I analysed a thousand escalated chats and found most '
     "were about order status, which the bot couldn't look up. I chose to integrate the "
     'order API rather than retrain the language model, since the problem was missing '
     'data, not understanding. Escalations dropped to 22%. I learned to look at what the '
     "system can't access before blaming the model. Funnily enough the bot was later "
     'replaced by an LLM-based one that another team built, and I actually helped them a '
     "bit with the evaluation, and it's pretty good now, they use it for returns as well, "
     "and I think they're planning to use it for sales too.",
     None, {'rambling'}),
    ('short_only_context',
     'I worked at a fintech company as a data scientist. I was responsible for the credit '
     'risk models. It was a great team and I learned a lot there.',
     None, {'missing_decision', 'missing_metric', 'missing_stakes', 'missing_learning'}),
    ('british_spelling',
     'Our fraud team was manually reviewing around 3,000 transactions a day, which cost '
     'roughly £40,000 a month in analyst time and still let fraud through at weekends. I '
     'prioritised building a triage model over a full replacement of the rules engine, as '
     'the rules were trusted by the regulators. I trained a gradient-boosted model to rank '
     'the queue and deployed it alongside the rules. Analysts now review a third as many '
     "cases, and fraud losses fell by 18% in the first quarter. I'd do the stakeholder "
     "interviews earlier next time; the regulators' concerns shaped the design more than "
     'the data did.',
     None, set()),
    ('we_context_i_actions',
     'We had a legacy recommendation service written in Scala that nobody on our team '
     'wanted to touch, and it was causing about two incidents a month. I volunteered to '
     'own it. I read the code for a week, wrote characterisation tests around the scoring '
     'path, and then rewrote the hottest module in Python with the same interface. I ran '
     'both versions side by side and compared outputs on a million requests. Incidents '
     "went to zero over the next quarter. What I'd do differently is get a second reviewer "
     'on the rewrite earlier.',
     None, {'missing_decision'}),
    ('result_first',
     'I cut our model serving costs by 60% in one quarter. The context was that we ran '
     'every model on dedicated GPU nodes, even the small ones, and finance flagged that we '
     'were over budget by about $30,000 a month. I profiled utilisation and found most '
     'nodes sat under 10%. I decided to move the small models to CPU inference with ONNX '
     'instead of buying cheaper GPUs, because the latency budget allowed it. I migrated '
     'eight models over six weeks. Since then I always check utilisation before asking for '
     'hardware.',
     None, set()),
    ('no_stakes_tech',
     'I wanted to learn Rust, so I rewrote our log parser in Rust. I went with Rust '
     'instead of Go because I was curious about the ownership model. The new parser was '
     'about five times faster than the Python one. I enjoyed the project a lot and now I '
     'use Rust for most of my side projects.',
     None, {'missing_stakes'}),
    ('hesitant_long',
     "Um, yeah, so, I guess the project I'd talk about is, um, when we, when we moved our, "
     'uh, batch jobs to, to Airflow. So, um, before that we had cron jobs, like, all over '
     'the place, on different machines, and, uh, nobody really knew what ran where. And, '
     'um, so we, we decided to move to Airflow. And, uh, I was, I was part of the team '
     'that did it. We, um, we wrote the DAGs and, uh, we moved the jobs over, like, one by '
     'one. And it took, um, I think about three months. And, uh, yeah, it was, it was good '
     'in the end, I think. Like, people could see what was running.',
     100.0, {'late_impact', 'missing_decision', 'missing_learning', 'missing_metric',
      'missing_stakes', 'over_time', 'rambling', 'weak_ownership'}),
    ('numbers_not_outcomes',
     'Back in 2022 I was one of 4 engineers on the forecasting team, and we supported 3 '
     'business units across 12 countries. I was asked to rebuild our holiday forecast on '
     'version 2 of our feature platform. I spent 6 weeks on it: I ported 40 features, set '
     'up 2 backtests, and reviewed the plan with 5 analysts. The new forecast went live in '
     'November.',
     None, {'missing_decision', 'missing_learning', 'missing_metric', 'missing_stakes'}),
    ('team_context_i_actions',
     'We were a team of six running the payments ML platform, and our team had a rule that '
     'every model needed a shadow period. Our fraud model was letting through about 1.5% '
     'chargebacks, above the 1% our card network allows before fines. I pulled three '
     'months of chargebacks and found most came from a new merchant category. I added '
     'category-level features and retrained. I ran the new model in shadow for two weeks, '
     'then switched over. Chargebacks dropped to 0.7%. I learned to watch for new '
     'categories in the input data, and I now have an alert for unseen merchant '
     'categories.',
     None, {'missing_decision'}),
    ('decision_implicit',
     'The search index rebuild took nine hours, so any schema change blocked the team for '
     'a full day. I could have thrown bigger machines at it, but that would only have '
     'shaved off a couple of hours and doubled the bill. Instead I made the rebuild '
     'incremental, so only changed documents were reindexed. Rebuilds now take about 20 '
     'minutes. Since then I always ask whether work can be made incremental before scaling '
     'it up.',
     None, set()),
    ('stakes_late_hint',
     'I redesigned our feature logging so that training and serving used the same code '
     'path. I wrote a shared library, migrated the three biggest models to it, and added a '
     'test that compares training and serving features on a sample of live traffic. '
     'Training-serving skew on those models went from about 8% of features to zero. This '
     'was important because skew had caused two bad launches that year, one of which cost '
     'us a week of revenue on the home feed. I learned to treat feature code as shared '
     'infrastructure.',
     None, {'missing_decision'}),
    ('lowercase_whisper',
     'so the context is our customer support team was spending about 30 percent of their '
     'time tagging tickets by hand and the backlog was growing every week i built a ticket '
     'classifier using the last two years of tagged tickets i went with a fine tuned '
     'distilbert instead of a bigger model because it had to run on cpu in our helpdesk '
     'plugin it now tags about 70 percent of tickets automatically and the backlog is gone '
     'what i took away is that the deployment constraint should pick the model not the '
     'leaderboard',
     None, set()),
    ('vague_everything',
     'At my previous job I did a lot of work on data pipelines and machine learning. I '
     'worked with many teams and helped them with their problems. It was a very '
     'collaborative environment and we delivered a lot of value. I think I grew a lot as '
     'an engineer there.',
     None, {'missing_decision', 'missing_learning', 'missing_metric', 'missing_stakes'}),
    ('late_result_long',
     'Our Spark jobs for the nightly recommendations had been getting slower for months, '
     'and in the spring they started finishing after 8am, which is when the marketing '
     "emails go out, so some customers got yesterday's recommendations. I took it on. "
     'First I collected the job metrics from the last six months and plotted the stage '
     'durations. Then I looked at the skew in the biggest shuffle stage and found that a '
     'handful of very active users created huge partitions. I tried salting the join keys, '
     'but it made the code hard to read. Then I tried broadcasting the smaller side of the '
     'join, which worked for some stages but not all. Then I split the heavy users into '
     'their own job that runs in parallel. Then I tuned the executor memory and the number '
     'of partitions. Then I added alerts on stage duration. After all that, the job '
     'finished by 5am every night and the emails went out on time.',
     None, {'missing_learning'}),
    ('ownership_mixed_we_majority',
     'Our team migrated the recommendation service to Kubernetes last year because the old '
     'VMs were out of support. We wrote the Helm charts, we set up autoscaling, and we '
     'moved the traffic over gradually. I wrote the load tests. We finished on schedule '
     'and p99 latency dropped by 15%. We learned that autoscaling needs realistic load '
     'tests.',
     None, {'missing_decision', 'weak_ownership'}),
    ('i_heavy_no_stakes',
     'I noticed our unit tests took twenty minutes to run. I profiled the test suite, '
     'found that most of the time went into spinning up a database for every test, and '
     'replaced it with a shared fixture. I chose a shared fixture over mocks because mocks '
     'would have hidden real query bugs. The suite now runs in three minutes. Since then I '
     'always profile slow test suites before adding more CI runners.',
     None, {'missing_stakes'}),
    ('no_learning_good',
     'Our checkout latency SLO was being breached almost every Friday, which was putting '
     'our biggest enterprise contract at risk. I traced the breaches to a synchronous call '
     'to the recommendation service in the checkout path. I proposed making that call '
     'asynchronous with a cached fallback, rather than scaling the recommendation service, '
     "because checkout shouldn't depend on recommendations at all. I implemented it over "
     "two sprints. We haven't breached the SLO since, and p99 checkout latency dropped "
     'from 1.8 seconds to 600 milliseconds.',
     None, {'missing_learning'}),
]
