"""The course's four interactive apps, one module each.

* :mod:`pkedu.apps.explorer`: contribution explorer;
* :mod:`pkedu.apps.reimbursement`: cost and reimbursement calculator;
* :mod:`pkedu.apps.consensus`: consensus simulator;
* :mod:`pkedu.apps.force_builder`: force builder;
* :mod:`pkedu.apps._common`, :mod:`pkedu.apps._inputs` and :mod:`pkedu.apps._countries`
  (input checks) and :mod:`pkedu.apps._series`: what they share.

Every app has two halves:

* a **model**: a plain function from the student's choices to an
  :class:`~pkedu.apps._common.AppResult` (headline, numbers, a small table and
  an Altair chart). It never raises for bad input: the result's ``message``
  says in plain English what to change. Models are fast and tested without a
  browser;
* a **view**: a function returning an ``ipywidgets.VBox`` that calls the model
  whenever a control changes and shows the result.

Notebooks use them through :mod:`pkedu.widgets`:

>>> import pkedu as pk
>>> pk.widgets.explorer_model(["VNM"], 2014, 2014).numbers["first_month"]
'2014-07'
"""
